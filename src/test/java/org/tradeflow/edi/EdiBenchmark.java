package org.tradeflow.edi;

import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What EDI intake costs: reading and validating a large 850 with StAEDI and our schema, capturing it as an order over
 * HTTP (read, map, price, store, start its process), and an interchange of many small 850s (orders per second).
 * Prints a report (and writes target/benchmark-edi.txt); asserts nothing about time. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=EdiBenchmark}.
 */
class EdiBenchmark extends IntegrationTest {

    private static final String X12 = "application/edi-x12";
    private static final int MEASURED = 5;

    @Test
    void largePurchaseOrdersAndBurstsOfSmallOnes() throws IOException {
        StringBuilder report = new StringBuilder("EDI benchmark: " + Runtime.getRuntime().availableProcessors()
                + " cores, median of " + MEASURED + " runs after one warm-up\n");
        report.append(String.format(Locale.ROOT, "%-44s %10s %12s%n", "case", "p50 ms", "per second"));
        for (int lines : new int[]{1_000, 5_000}) {
            byte[] raw = interchange(1, lines).getBytes(StandardCharsets.US_ASCII);
            double ms = median(() -> {
                if (!X12Reader.read(raw).problems().isEmpty()) {
                    throw new IllegalStateException("the benchmark's 850 does not validate");
                }
            });
            report.append(row("read and validate one 850 of " + lines + " lines", ms, lines, "lines"));
        }
        double capture = median(() -> {
            Api.Response received = api.postBytesAs("edi", "demo", "/api/v1/edi/interchanges", X12,
                    interchange(1, 5_000).getBytes(StandardCharsets.US_ASCII));
            if (received.status() != 201 || !received.json().get("status").asText().equals("ACCEPTED")) {
                throw new IllegalStateException(received.body());
            }
        });
        report.append(row("capture one 850 of 5000 lines (HTTP)", capture, 5_000, "lines"));
        double burst = median(() -> {
            Api.Response received = api.postBytesAs("edi", "demo", "/api/v1/edi/interchanges", X12,
                    interchange(500, 3).getBytes(StandardCharsets.US_ASCII));
            if (received.status() != 201 || !received.json().get("status").asText().equals("ACCEPTED")) {
                throw new IllegalStateException(received.body());
            }
        });
        report.append(row("capture 500 small 850s, one interchange", burst, 500, "orders"));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-edi.txt"), report);
    }

    private static String row(String name, double ms, int count, String unit) {
        return String.format(Locale.ROOT, "%-44s %10.1f %12.0f %s%n", name, ms, count / (ms / 1000), unit);
    }

    private static double median(Runnable run) {
        run.run();
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            run.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[MEASURED / 2] / 1e6;
    }

    /** An interchange of demo partner HUDSON with {@code orders} 850s of {@code lines} lines each, all new POs. */
    private static String interchange(int orders, int lines) {
        String control = String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999));
        String[] parts = {"HH-HEART-TL*VN*85123A", "HH-CAKESTAND"};
        StringBuilder x12 = new StringBuilder("ISA*00*          *00*          *ZZ*HUDSONHOME     *ZZ*TRADEFLOW      *261202*0930*U*00401*")
                .append(control).append("*0*P*>~\nGS*PO*HUDSONHOME*TRADEFLOW*20261202*0930*1*X*004010~\n");
        for (int order = 1; order <= orders; order++) {
            String st02 = String.format("%04d", order);
            x12.append("ST*850*").append(st02).append("~\nBEG*00*SA*B").append(control).append('-').append(order)
                    .append("**20261202~\n");
            for (int line = 1; line <= lines; line++) {
                x12.append("PO1*").append(line).append("*1*EA**PE*BP*").append(parts[line % 2]).append("~\n");
            }
            x12.append("CTT*").append(lines).append("~\nSE*").append(lines + 4).append('*').append(st02).append("~\n");
        }
        return x12.append("GE*").append(orders).append("*1~\nIEA*1*").append(control).append("~\n").toString();
    }
}
