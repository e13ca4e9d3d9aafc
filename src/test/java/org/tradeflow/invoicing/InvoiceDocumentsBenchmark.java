package org.tradeflow.invoicing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tradeflow.support.IntegrationTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

import static org.tradeflow.support.OrderRequests.anOrder;

/**
 * Issuing 1,000 invoices through {@link InvoicingService#invoiceShipment} (tax from tax.xlsx, the gap-free number,
 * the insert) and rendering them as PDF and UBL, single-threaded and with 2 threads, plus one 2,000-line invoice.
 * Prints a report (and writes target/benchmark-invoice-documents.txt); asserts nothing about time. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=InvoiceDocumentsBenchmark}. In this package because the views and the
 * renderers are package-private.
 */
class InvoiceDocumentsBenchmark extends IntegrationTest {

    private static final int WARM_UP = 50;
    private static final int INVOICES_PER_RUN = 500;
    private static final int LINES_PER_INVOICE = 10;
    private static final int LARGE_INVOICE_LINES = 2_000;

    @Autowired
    InvoicingService invoicing;
    @Autowired
    InvoiceViews views;
    @Autowired
    InvoicePdf pdf;
    @Autowired
    UblInvoice ubl;
    @Autowired
    JdbcTemplate jdbc;

    private String account;
    private List<String> skus;

    @Test
    void issueAndRenderInvoices() throws Exception {
        account = fixtures.accountLike("ACME-DE", "100000000"); // ample credit: no order waits for approval
        skus = fixtures.products(LINES_PER_INVOICE, Map.of("WH-DE", 100_000), "12.50");

        List<String> warmUpShipments = dispatchedShipments(order(WARM_UP), WARM_UP);
        List<String> single = dispatchedShipments(order(INVOICES_PER_RUN), INVOICES_PER_RUN);
        // One order per thread: invoicing locks the order, so shipments of one order are invoiced one at a time.
        List<List<String>> perThread = List.of(
                dispatchedShipments(order(INVOICES_PER_RUN / 2), INVOICES_PER_RUN / 2),
                dispatchedShipments(order(INVOICES_PER_RUN / 2), INVOICES_PER_RUN / 2));

        List<Long> warmUpIds = new ArrayList<>();
        warmUpShipments.forEach(shipment -> warmUpIds.add(invoicing.invoiceShipment(shipment).getId()));
        List<Long> ids = new ArrayList<>();
        long start = System.nanoTime();
        single.forEach(shipment -> ids.add(invoicing.invoiceShipment(shipment).getId()));
        double issuedSingle = INVOICES_PER_RUN / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (List<Long> issued : inThreads(perThread, shipments -> shipments.stream()
                .map(shipment -> invoicing.invoiceShipment(shipment).getId()).toList())) {
            ids.addAll(issued);
        }
        double issuedTwoThreads = INVOICES_PER_RUN / ((System.nanoTime() - start) / 1e9);

        // Both renderers read the view first, as the API does for each document it serves.
        ToIntFunction<Long> pdfOf = id -> pdf.render(views.byId(id)).length;
        ToIntFunction<Long> ublOf = id -> ubl.write(views.byId(id)).length;
        render(warmUpIds, pdfOf, 1);
        render(warmUpIds, ublOf, 1);
        Rendering pdfSingle = render(ids, pdfOf, 1);
        Rendering pdfTwo = render(ids, pdfOf, 2);
        Rendering ublSingle = render(ids, ublOf, 1);
        Rendering ublTwo = render(ids, ublOf, 2);

        long large = invoicing.invoiceShipment(dispatchedShipments(order(1, LARGE_INVOICE_LINES), 1).get(0)).getId();
        Rendering largePdf = render(List.of(large), pdfOf, 1);
        Rendering largeUbl = render(List.of(large), ublOf, 1);

        String report = String.format(Locale.ROOT, """
                Invoice documents benchmark (%d cores, embedded PostgreSQL)
                  warm-up: %d invoices issued and each rendered as PDF and UBL before measuring
                  issuing (InvoicingService.invoiceShipment: tax from tax.xlsx, gap-free number, insert), %d invoices
                  of %d lines per run:
                    1 thread   %7.1f invoices/s
                    2 threads  %7.1f invoices/s (one order per thread)
                  rendering %,d invoices (InvoiceViews.byId, then the renderer):
                    PDF  1 thread  %s
                    PDF  2 threads %s
                    UBL  1 thread  %s
                    UBL  2 threads %s
                  one %,d-line invoice:
                    PDF %.0f ms, %,d bytes
                    UBL %.0f ms, %,d bytes
                """, Runtime.getRuntime().availableProcessors(), WARM_UP, INVOICES_PER_RUN, LINES_PER_INVOICE,
                issuedSingle, issuedTwoThreads, ids.size(), pdfSingle, pdfTwo, ublSingle, ublTwo, LARGE_INVOICE_LINES,
                largePdf.p50Ms(), largePdf.meanBytes(), largeUbl.p50Ms(), largeUbl.meanBytes());
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-invoice-documents.txt"), report);
    }

    /** An order through the real process (captured and allocated), each line asking for {@code quantity}. */
    private long order(int quantity) {
        return order(quantity, LINES_PER_INVOICE);
    }

    private long order(int quantity, int lines) {
        var request = anOrder().forAccount(account);
        for (int i = 0; i < lines; i++) {
            request.line(skus.get(i % skus.size()), quantity);
        }
        return submitAndRun(request.body()).get("id").asLong();
    }

    /**
     * {@code count} dispatched shipments of the order, each with one of every line: written in SQL, as driving
     * each through the warehouse and the process would take far longer than the invoicing it sets up.
     */
    private List<String> dispatchedShipments(long orderId, int count) {
        String prefix = "BENCH-" + orderId + "-";
        jdbc.update("""
                insert into shipment (shipment_number, order_id, sequence_no, warehouse_id, status, dispatched_at)
                select ? || n, ?, 1000 + n, (select id from warehouse where code = 'WH-DE'), 'DISPATCHED', now()
                  from generate_series(1, ?) n""", prefix, orderId, count);
        jdbc.update("""
                insert into shipment_line (shipment_id, order_line_id, quantity)
                select s.id, l.id, 1 from shipment s join order_line l on l.order_id = s.order_id
                 where s.shipment_number like ? || '%'""", prefix);
        return jdbc.queryForList("select shipment_number from shipment where shipment_number like ? || '%' order by id",
                String.class, prefix);
    }

    private Rendering render(List<Long> ids, ToIntFunction<Long> document, int threads) throws Exception {
        List<List<Long>> slices = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            slices.add(ids.subList(ids.size() * t / threads, ids.size() * (t + 1) / threads));
        }
        long start = System.nanoTime();
        List<long[]> timed = inThreads(slices, slice -> {
            long[] nanosAndBytes = new long[slice.size() + 1];
            for (int i = 0; i < slice.size(); i++) {
                long begin = System.nanoTime();
                nanosAndBytes[slice.size()] += document.applyAsInt(slice.get(i));
                nanosAndBytes[i] = System.nanoTime() - begin;
            }
            return nanosAndBytes;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] nanos = new long[ids.size()];
        int n = 0;
        long bytes = 0;
        for (long[] slice : timed) {
            System.arraycopy(slice, 0, nanos, n, slice.length - 1);
            n += slice.length - 1;
            bytes += slice[slice.length - 1];
        }
        Arrays.sort(nanos);
        return new Rendering(ids.size() / seconds, nanos[nanos.length / 2] / 1e6,
                nanos[Math.min(nanos.length - 1, (int) (nanos.length * 0.99))] / 1e6, bytes / ids.size());
    }

    private static <T, R> List<R> inThreads(List<T> work, ThrowingFunction<T, R> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<R>> results = new ArrayList<>();
            for (T item : work) {
                Callable<R> call = () -> task.apply(item);
                results.add(pool.submit(call));
            }
            List<R> done = new ArrayList<>();
            for (Future<R> result : results) {
                done.add(result.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface ThrowingFunction<T, R> {
        R apply(T item) throws Exception;
    }

    private record Rendering(double perSecond, double p50Ms, double p99Ms, long meanBytes) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%7.1f documents/s, p50 %6.1f ms, p99 %6.1f ms, %,d bytes each on average",
                    perSecond, p50Ms, p99Ms, meanBytes);
        }
    }
}
