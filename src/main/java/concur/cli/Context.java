package concur.cli;

import concur.lesson.Catalog;
import concur.view.Screen;
import java.io.InputStream;
import java.io.PrintWriter;

/**
 * What every command works with, passed in rather than reached for, so tests can capture it.
 *
 * @param catalog the lessons
 * @param screen  where output goes and what it can show
 * @param out     normal output
 * @param err     errors
 * @param in      the learner's keys, for the interactive commands
 */
record Context(Catalog catalog, Screen screen, PrintWriter out, PrintWriter err, InputStream in) {}
