package concur.lesson;

import java.nio.file.Path;

/**
 * What {@code concur list} needs from a lesson, read line by line without parsing the Markdown, from the
 * same text the parser reads (so a byte-order mark or CRLF lines change nothing).
 *
 * @param name  how learners call the lesson: the file name without {@code .md}
 * @param title the front matter's {@code title}, else the first heading, else the name
 * @param order the front matter's {@code order}, else last
 * @param steps how many steps ({@code ## } headings) it has
 * @param exercises how many exercises ({@code ## Exercise:} headings) follow its steps
 * @param file  the lesson file
 */
public record LessonHead(String name, String title, int order, int steps, int exercises, Path file) {

    static LessonHead read(Path file) throws TextFile.Unreadable {
        String name = Catalog.nameOf(file);
        String title = null;
        int order = Integer.MAX_VALUE;
        int steps = 0;
        int exercises = 0;
        boolean inFrontMatter = false;
        boolean inFence = false;
        int lineNumber = 0;
        for (String line : TextFile.read(file).split("\n", -1)) {
            lineNumber++;
            if (lineNumber == 1 && line.equals("---")) {
                inFrontMatter = true;
            } else if (inFrontMatter) {
                if (line.equals("---")) {
                    inFrontMatter = false;
                } else if (line.startsWith("title:")) {
                    title = line.substring("title:".length()).strip();
                } else if (line.startsWith("order:")) {
                    order = parseOrder(line.substring("order:".length()).strip());
                }
            } else if (line.stripLeading().startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence && line.startsWith("## " + LessonParser.EXERCISE)) {
                exercises++;
            } else if (!inFence && line.startsWith("## ")) {
                steps++;
            } else if (!inFence && title == null && line.startsWith("# ")) {
                title = line.substring(2).strip();
            }
        }
        return new LessonHead(name, title != null ? title : name, order, steps, exercises, file);
    }

    private static int parseOrder(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
