package qantar.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the program. A mapper is thread-safe once configured and costly to make,
 * so every reader and writer shares this one; a use that needs another setting takes a reader or
 * writer of it ({@code MAPPER.writer().with(...)}) and never reconfigures the mapper itself.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }
}
