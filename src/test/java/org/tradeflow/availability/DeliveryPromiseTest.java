package org.tradeflow.availability;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery dates counted by hand on the November 2026 calendar (the 23rd is a Monday). */
class DeliveryPromiseTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime CUT_OFF = LocalTime.of(15, 0);

    @Test
    void stockOrderedBeforeTheCutOffIsPickedTheSameDay() {
        // picked Mon 23, handed over Tue 24 (1 handling day), delivered Wed 25 (1 transit day)
        assertThat(promise("2026-11-23T10:00", "2026-11-23", 1, 1)).isEqualTo("2026-11-25");
    }

    @Test
    void afterTheCutOffOnAFridayPickingWaitsForMonday() {
        // picked Mon 30, handed over Tue 1 Dec, delivered Thu 3 Dec (2 transit days)
        assertThat(promise("2026-11-27T16:00", "2026-11-27", 1, 2)).isEqualTo("2026-12-03");
    }

    @Test
    void aWeekendQuestionIsPickedOnMondayEvenBeforeTheCutOff() {
        // Sat 28 at 09:00: picked Mon 30, handed over Tue 1 Dec, delivered Wed 2 Dec
        assertThat(promise("2026-11-28T09:00", "2026-11-28", 1, 1)).isEqualTo("2026-12-02");
    }

    @Test
    void incomingSupplyIsPickedTheWorkingDayAfterItArrives() {
        // arrives Sat 28, picked Mon 30, two handling days to Wed 2 Dec, delivered Thu 3 Dec
        assertThat(promise("2026-11-23T10:00", "2026-11-28", 2, 1)).isEqualTo("2026-12-03");
    }

    private static String promise(String now, String goodsReady, int handlingDays, int transitDays) {
        return DeliveryPromise.deliveredOn(ZonedDateTime.of(java.time.LocalDateTime.parse(now), BERLIN), CUT_OFF,
                LocalDate.parse(goodsReady), handlingDays, transitDays).toString();
    }
}
