package qantar.telegram;

/**
 * How the bot under test takes its updates: by long polling the fake Bot API, or as webhook POSTs
 * the fake sends to the bot's web server with the secret token header. End-to-end suites run in
 * both: {@code @ParameterizedClass @EnumSource(Intake.class)} with {@code @Parameter Intake intake}.
 */
enum Intake {
    POLLING,
    WEBHOOK
}
