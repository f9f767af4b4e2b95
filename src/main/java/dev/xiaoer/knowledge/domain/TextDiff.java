package dev.xiaoer.knowledge.domain;

import com.github.difflib.DiffUtils;
import java.util.ArrayList;
import java.util.List;

/** What changed from one text to another, line by line, with every line of the newer text shown. */
public final class TextDiff {

    public enum Kind { SAME, REMOVED, ADDED }

    public record Line(Kind kind, String text) {
    }

    private TextDiff() {
    }

    public static List<Line> of(String before, String after) {
        var old = (before == null ? "" : before).lines().toList();
        var now = (after == null ? "" : after).lines().toList();
        var lines = new ArrayList<Line>();
        var next = 0;
        for (var delta : DiffUtils.diff(old, now).getDeltas()) {
            var source = delta.getSource();
            while (next < source.getPosition()) {
                lines.add(new Line(Kind.SAME, old.get(next++)));
            }
            source.getLines().forEach(text -> lines.add(new Line(Kind.REMOVED, text)));
            delta.getTarget().getLines().forEach(text -> lines.add(new Line(Kind.ADDED, text)));
            next = source.getPosition() + source.size();
        }
        while (next < old.size()) {
            lines.add(new Line(Kind.SAME, old.get(next++)));
        }
        return lines;
    }
}
