# Build: the jar with its dependencies, the corpus and configuration inside.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY knowledge knowledge
COPY config config
RUN mvn -B -q package -DskipTests

# Run: a JRE, a non-root user, data (SQLite and the index) on a volume.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app qantar
WORKDIR /app
COPY --from=build /src/target/qantar-bot.jar /app/qantar-bot.jar
COPY --chown=qantar knowledge /app/knowledge
COPY --chown=qantar config /app/config
RUN mkdir /data && chown qantar /data
# The embedding runtime unpacks its tokenizer library here (the home folder is read-only).
ENV DJL_CACHE_DIR=/tmp/djl
# Class data sharing (AppCDS): a training question on a throwaway data folder records the classes
# that start-up and answering load, and every start maps them instead of loading them again.
RUN QANTAR_DATA_DIR=/tmp/cds java -XX:ArchiveClassesAtExit=/app/qantar.jsa -jar /app/qantar-bot.jar \
        ask "Сколько человек погибло в январе 2022 года?" > /dev/null \
    && rm -rf /tmp/cds /tmp/djl
USER qantar
ENV QANTAR_DATA_DIR=/data
VOLUME /data
# The public web pages (QANTAR_WEB_PORT); set QANTAR_PUBLIC_URL to the address readers use.
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/qantar.jsa", "-jar", "/app/qantar-bot.jar"]
CMD ["serve"]
