package concur.cli;

import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/** What a key asks of the lesson screen, and which keys ask it. */
enum ScreenKey {
    ENTER,
    NEXT,
    BACK,
    RUN,
    SOURCE,
    EDIT,
    DIFF,
    UNDO,
    HINT,
    VARIANT,
    PYTHON,
    TIMELINE,
    EXPECTED,
    GOTO,
    WATCH,
    KEYS,
    QUIT,
    STOP,
    UP,
    DOWN,
    PAGE_UP,
    PAGE_DOWN,
    HOME,
    END,
    ESCAPE,
    MOUSE,
    OTHER;

    /**
     * The screen's keys on this terminal: its own sequences for arrows and pages, the common ones besides, and
     * {@link #OTHER} for any key that asks for nothing.
     */
    static KeyMap<ScreenKey> map(Terminal terminal) {
        KeyMap<ScreenKey> keys = new KeyMap<>();
        keys.setAmbiguousTimeout(30);
        keys.setNomatch(OTHER);
        keys.setUnicode(OTHER);
        keys.bind(ENTER, "\r", "\n");
        keys.bind(NEXT, "n", key(terminal, Capability.key_right), "\033[C", "\033OC");
        keys.bind(BACK, "b", key(terminal, Capability.key_left), "\033[D", "\033OD");
        keys.bind(RUN, "r");
        keys.bind(SOURCE, "s");
        keys.bind(EDIT, "e");
        keys.bind(DIFF, "d");
        keys.bind(UNDO, "x");
        keys.bind(HINT, "h");
        keys.bind(VARIANT, "v");
        keys.bind(PYTHON, "p");
        keys.bind(TIMELINE, "t");
        keys.bind(EXPECTED, "f");
        keys.bind(GOTO, "g");
        keys.bind(WATCH, "w");
        keys.bind(KEYS, "?");
        keys.bind(QUIT, "q", "Q", KeyMap.ctrl('D'));
        keys.bind(STOP, KeyMap.ctrl('C'));
        keys.bind(UP, "k", key(terminal, Capability.key_up), "\033[A", "\033OA");
        keys.bind(DOWN, "j", key(terminal, Capability.key_down), "\033[B", "\033OB");
        keys.bind(PAGE_UP, "u", key(terminal, Capability.key_ppage), "\033[5~", KeyMap.del());
        keys.bind(PAGE_DOWN, " ", key(terminal, Capability.key_npage), "\033[6~");
        keys.bind(HOME, "<", key(terminal, Capability.key_home), "\033[H", "\033[1~", "\033OH");
        keys.bind(END, ">", "G", key(terminal, Capability.key_end), "\033[F", "\033[4~", "\033OF");
        keys.bind(ESCAPE, KeyMap.esc());
        // The reports the source view asks for (trackMouse: X10 with UTF-8 coordinates, and SGR).
        keys.bind(MOUSE, "\033[M", "\033[<");
        return keys;
    }

    /** What the terminal says the key sends; a sequence no key sends where it says nothing. */
    private static String key(Terminal terminal, Capability capability) {
        String key = KeyMap.key(terminal, capability);
        return key == null || key.isEmpty() ? "\u0000" + capability.name() : key;
    }
}
