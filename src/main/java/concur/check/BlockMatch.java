package concur.check;

import concur.check.Element.ExpectedLine;
import java.util.List;

/**
 * How a block can match the output lines at one position.
 *
 * @param ways the ways it matches, at most one for each resulting set of bindings; empty when it does not
 * @param failure  when it does not match: the message naming its first line that did not
 */
record BlockMatch(List<Way> ways, String failure) {

    /**
     * One way the block matches.
     *
     * @param bindings what the match fixed, on top of what was fixed before
     * @param pairing  for each output line of the block, in output order, the expected line it matched
     */
    record Way(Bindings bindings, List<ExpectedLine> pairing) {}
}
