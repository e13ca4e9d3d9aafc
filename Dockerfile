# Build: the same ./mvnw as on a developer machine.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw --batch-mode --no-transfer-progress dependency:go-offline
COPY src src
RUN ./mvnw --batch-mode --no-transfer-progress package -DskipTests

# Run: processes, rules and decision tables stay files next to the jar, editable without a build.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/tradeflow-*.jar tradeflow.jar
COPY processes processes
COPY rules rules
COPY decision-tables decision-tables
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tradeflow.jar"]
