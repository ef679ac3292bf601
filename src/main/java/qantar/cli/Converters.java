package qantar.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import qantar.corpus.Lang;
import qantar.corpus.Side;

/** Options typed as our enums read their public ids (any case), and a wrong one names the allowed values. */
final class Converters {
    private Converters() {
    }

    static void register(CommandLine cl) {
        cl.registerConverter(Side.class, side());
        cl.registerConverter(Lang.class, lang());
    }

    static ITypeConverter<Side> side() {
        return v -> Side.fromId(v.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new TypeConversionException("unknown side '" + v + "' (use " + Side.allIds() + ")"));
    }

    static ITypeConverter<Lang> lang() {
        return v -> Lang.fromCode(v.strip()).orElseThrow(() -> new TypeConversionException("unknown language '" + v + "' (use "
                + String.join(", ", Arrays.stream(Lang.values()).map(Lang::code).toList()) + ")"));
    }
}
