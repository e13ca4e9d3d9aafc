package org.tradeflow.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * When goods reach the customer: picked on the warehouse's next working day (today if before its cut-off,
 * the day after arriving for incoming supply), handed to the carrier after the handling days, delivered after
 * the transit days. Working days are Monday to Friday; public holidays are not known yet.
 */
final class DeliveryPromise {

    private DeliveryPromise() {
    }

    /**
     * @param now         the moment of the question, in the warehouse's time zone
     * @param goodsReady  the day the goods are in the warehouse: today for stock on hand, else the supply's day
     */
    static LocalDate deliveredOn(ZonedDateTime now, LocalTime cutOff, LocalDate goodsReady, int handlingDays,
                                 int transitDays) {
        LocalDate today = now.toLocalDate();
        LocalDate picked = goodsReady.isAfter(today) ? nextWorkingDay(goodsReady)
                : isWorkingDay(today) && now.toLocalTime().isBefore(cutOff) ? today : nextWorkingDay(today);
        return addWorkingDays(addWorkingDays(picked, handlingDays), transitDays);
    }

    static LocalDate addWorkingDays(LocalDate day, int workingDays) {
        LocalDate result = day;
        for (int i = 0; i < workingDays; i++) {
            result = nextWorkingDay(result);
        }
        return result;
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
