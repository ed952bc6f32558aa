# PortTracer: one image for every role. Build: docker build -t porttracer .
# Run: docker run porttracer collector | api | collector-api (configuration: PORTTRACER_* variables).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Poms first, so that the dependency download is cached until a pom changes.
COPY pom.xml ./
COPY core/pom.xml core/
COPY simulator/pom.xml simulator/
COPY collector/pom.xml collector/
COPY search-api/pom.xml search-api/
COPY app/pom.xml app/
RUN mvn -B -q dependency:go-offline -DexcludeGroupIds=porttracer || true
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# ieee-data: the IEEE OUI registry that names MACs' vendors (PORTTRACER_OUI_DIR=/usr/share/ieee-data).
RUN apt-get update && apt-get install -y --no-install-recommends curl ieee-data \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /opt/porttracer porttracer \
    && mkdir -p /var/lib/porttracer && chown porttracer /var/lib/porttracer
WORKDIR /opt/porttracer
COPY --from=build /src/app/target/lib/ lib/
COPY --from=build /src/app/target/app-0.1.0-SNAPSHOT.jar lib/porttracer-app.jar
USER porttracer
# Listen on every interface inside the container; the key file lives on a volume shared by the roles.
# The spool (results waiting while Elasticsearch is down) is on that volume too, so a restart loses none.
ENV PORTTRACER_API_HOST=0.0.0.0 \
    PORTTRACER_STATE_DIR=/var/lib/porttracer \
    PORTTRACER_SECRET_KEY_FILE=/var/lib/porttracer/credential.key \
    PORTTRACER_SPOOL_DIR=/var/lib/porttracer/spool
VOLUME /var/lib/porttracer
EXPOSE 8080 9464
# JVM options: JAVA_TOOL_OPTIONS (read by the JVM itself).
ENTRYPOINT ["java", "-cp", "/opt/porttracer/lib/*", "porttracer.app.Main"]
CMD ["api"]
