package qantar.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bar charts laid out on the server, drawn by the template as inline SVG: no script, nothing the CSP must allow. */
public final class Charts {
    static final int WIDTH = 640;
    static final int BAR = 18;
    static final int GAP = 6;
    static final int LABEL = 150;

    public record Bar(String label, int value, int y, int width, int textY) {
    }

    public record Chart(String id, String title, int width, int height, int labelWidth, List<Bar> bars) {
    }

    private Charts() {
    }

    /** One horizontal bar per entry, in the map's order, the longest bar the widest the chart allows. */
    static Chart bars(String id, String title, Map<String, Integer> values) {
        int max = values.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int room = WIDTH - LABEL - 60;
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Map.Entry<String, Integer> e : values.entrySet()) {
            int w = max == 0 ? 0 : Math.max(1, (int) Math.round(room * (double) e.getValue() / max));
            bars.add(new Bar(e.getKey(), e.getValue(), y, w, y + BAR - 4));
            y += BAR + GAP;
        }
        return new Chart(id, title, WIDTH, Math.max(y, BAR), LABEL, bars);
    }
}
