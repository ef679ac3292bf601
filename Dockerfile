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
USER qantar
ENV QANTAR_DATA_DIR=/data
# The embedding runtime unpacks its tokenizer library here (the home folder is read-only).
ENV DJL_CACHE_DIR=/tmp/djl
VOLUME /data
# The public web pages (QANTAR_WEB_PORT); set QANTAR_PUBLIC_URL to the address readers use.
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/qantar-bot.jar"]
CMD ["serve"]
