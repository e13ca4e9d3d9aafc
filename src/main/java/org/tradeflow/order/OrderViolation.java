package org.tradeflow.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.tradeflow.policy.PolicyViolation;
import org.tradeflow.policy.Severity;

/** A policy violation found when the order was priced, kept so the order desk sees why it stopped. */
@Entity
@Table(name = "order_violation")
public class OrderViolation {

    /** Fifty ids per round trip to the sequence (V15), so that Hibernate can insert in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_violation_ids")
    @SequenceGenerator(name = "order_violation_ids", sequenceName = "order_violation_id_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private SalesOrder order;
    private Integer lineNo;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private String code;
    private String message;
    @Column(name = "rule_name")
    private String rule;

    protected OrderViolation() {
    }

    OrderViolation(SalesOrder order, PolicyViolation violation) {
        this.order = order;
        this.lineNo = violation.lineNo();
        this.severity = violation.severity();
        this.code = violation.code();
        this.message = violation.message();
        this.rule = violation.rule();
    }

    public PolicyViolation toPolicyViolation() {
        return new PolicyViolation(lineNo, severity, code, message, rule);
    }
}
