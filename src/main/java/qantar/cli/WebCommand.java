package qantar.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import qantar.app.Qantar;
import qantar.config.Locations;
import qantar.web.WebServer;
import qantar.web.WebSources;

@Command(name = "web",
        description = "Runs the public web pages alone, on QANTAR_WEB_PORT (default 8080), advertising QANTAR_PUBLIC_URL.")
final class WebCommand implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
        int follow = Options.followSeconds();
        Qantar app = Options.open();
        app.live().follow(follow); // a serve on the same data folder approves changes
        WebServer web = WebServer.start(sources(app), settings());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            app.close();
            stopped.countDown();
        }, "qantar-web-shutdown"));
        stopped.await();
        return 0;
    }

    /** What the pages use of the opened application (the console reloads it after an approved change). */
    static WebSources sources(Qantar app) {
        return new WebSources(app.answers(), app.texts(), app.database(), app.corpusStore(), app.live()::corpus, app.live()::reload);
    }

    static WebServer.Settings settings() {
        return WebServer.Settings.of(Locations.setting("QANTAR_WEB_PORT"), Locations.setting("QANTAR_PUBLIC_URL"),
                Locations.setting("QANTAR_BEHIND_PROXY"));
    }
}
