package org.tradeflow.dunning;

import org.tradeflow.business.StateConflict;

/** A row of dunning.xlsx says something no reminder can do: a negative fee or interest, or part of a day to wait. */
public class DunningNotDecided extends StateConflict {

    DunningNotDecided(DunningQuestion question, DunningLevel level, String why) {
        super("dunning.not-decided", "Row " + level.rule() + " of dunning.xlsx " + why + " for level "
                + question.getLevel() + " at " + question.getDaysOverdue() + " days overdue");
    }
}
