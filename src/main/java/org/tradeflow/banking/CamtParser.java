package org.tradeflow.banking;

import org.tradeflow.business.InvalidInput;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a camt.053 statement (versions 001.02 to 001.08) with {@link HostileXml}. Only the elements matching needs
 * are read; anything wrong with them is refused with the path of the element, and nothing of the file is used.
 */
final class CamtParser {

    static final String FIELD = "statement";
    private static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.053\\.001\\.0[2-8]");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_TEXT = 1_000;

    private CamtParser() {
    }

    static CamtStatement parse(InputStream xml) {
        XMLStreamReader reader = null;
        try {
            reader = HostileXml.reader(xml);
            return read(reader);
        } catch (XMLStreamException e) {
            throw new InvalidInput(FIELD, "is not well-formed XML: " + firstLine(e.getMessage()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was kept open that matters
                }
            }
        }
    }

    private static CamtStatement read(XMLStreamReader reader) throws XMLStreamException {
        Deque<String> path = new ArrayDeque<>();
        String namespace = null;
        String messageId = null;
        String statementId = null;
        String accountIban = null;
        List<CamtStatement.Entry> entries = new ArrayList<>();
        EntryBuilder entry = null;
        StringBuilder text = new StringBuilder();
        String currency = null;
        int statements = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new InvalidInput(FIELD, "must not contain a DOCTYPE declaration");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new InvalidInput(FIELD, "must not refer to entities (&" + reader.getLocalName() + ";)");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (path.isEmpty()) {
                        namespace = reader.getNamespaceURI();
                        if (!"Document".equals(reader.getLocalName()) || namespace == null || !NAMESPACE.matcher(namespace).matches()) {
                            throw new InvalidInput(FIELD, "must be a camt.053.001.02 to .08 Document, not {"
                                    + (namespace == null ? "" : namespace) + "}" + reader.getLocalName());
                        }
                    } else if (!namespace.equals(reader.getNamespaceURI())) {
                        throw new InvalidInput(where(path) + "/" + reader.getLocalName(), "is not in the statement's namespace " + namespace);
                    }
                    path.addLast(reader.getLocalName());
                    text.setLength(0);
                    String at = String.join("/", path);
                    if (at.equals("Document/BkToCstmrStmt/Stmt") && ++statements > 1) {
                        throw new InvalidInput(at + "[2]", "one statement per file, please");
                    }
                    if (at.equals("Document/BkToCstmrStmt/Stmt/Ntry")) {
                        if (entries.size() >= MAX_ENTRIES) {
                            throw new InvalidInput(at, "more than " + MAX_ENTRIES + " entries in one statement");
                        }
                        entry = new EntryBuilder(entries.size() + 1);
                    }
                    if (entry != null && at.endsWith("/Ntry/Amt")) {
                        currency = reader.getAttributeValue(null, "Ccy");
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + reader.getTextLength() > MAX_TEXT) {
                        throw new InvalidInput(where(path), "is longer than " + MAX_TEXT + " characters");
                    }
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String at = String.join("/", path);
                    String value = text.toString().strip();
                    text.setLength(0);
                    if (at.equals("Document/BkToCstmrStmt/GrpHdr/MsgId")) {
                        messageId = value;
                    } else if (at.equals("Document/BkToCstmrStmt/Stmt/Id")) {
                        statementId = value;
                    } else if (at.equals("Document/BkToCstmrStmt/Stmt/Acct/Id/IBAN")) {
                        accountIban = value;
                    } else if (entry != null) {
                        String inEntry = at.substring(Math.min(at.length(), "Document/BkToCstmrStmt/Stmt/Ntry/".length()));
                        if (at.equals("Document/BkToCstmrStmt/Stmt/Ntry")) {
                            entries.add(entry.build());
                            entry = null;
                        } else {
                            entry.take(inEntry, value, currency);
                        }
                    }
                    path.removeLast();
                }
                default -> {
                    // comments and processing instructions say nothing about payments
                }
            }
        }
        if (statementId == null || statementId.isBlank()) {
            throw new InvalidInput("Document/BkToCstmrStmt/Stmt/Id", "is missing: a statement is known by its id");
        }
        return new CamtStatement(messageId, statementId, accountIban, List.copyOf(entries));
    }

    private static String where(Deque<String> path) {
        return path.isEmpty() ? FIELD : String.join("/", path);
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().reduce((first, last) -> last).orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** Collects one Ntry's fields while it is read; checks them when it ends. */
    private static final class EntryBuilder {
        private final int index;
        private String creditDebit;
        private String status;
        private BigDecimal amount;
        private String currency;
        private LocalDate bookingDate;
        private LocalDate valueDate;
        private String bankReference;
        private String endToEndId;
        private final List<String> remittance = new ArrayList<>();
        private String debtorName;
        private String debtorIban;

        EntryBuilder(int index) {
            this.index = index;
        }

        private String path(String element) {
            return "Document/BkToCstmrStmt/Stmt/Ntry[" + index + "]/" + element;
        }

        void take(String element, String value, String ccy) {
            switch (element) {
                case "Amt" -> {
                    try {
                        amount = new BigDecimal(value);
                    } catch (NumberFormatException e) {
                        throw new InvalidInput(path(element), "'" + value + "' is not an amount");
                    }
                    if (amount.signum() <= 0 || amount.scale() > 5 || amount.precision() - amount.scale() > 15) {
                        throw new InvalidInput(path(element), value + " is not a positive amount of at most 15 digits and 5 decimals");
                    }
                    if (ccy == null || !CURRENCY.matcher(ccy).matches()) {
                        throw new InvalidInput(path(element) + "/@Ccy", "must be an ISO 4217 currency code such as EUR");
                    }
                    currency = ccy;
                }
                case "CdtDbtInd" -> creditDebit = value;
                case "Sts", "Sts/Cd" -> { // 001.02 has the code as text, later versions in Cd
                    if (!value.isBlank()) {
                        status = value;
                    }
                }
                case "BookgDt/Dt", "BookgDt/DtTm" -> bookingDate = date(element, value);
                case "ValDt/Dt", "ValDt/DtTm" -> valueDate = date(element, value);
                case "AcctSvcrRef" -> bankReference = blankToNull(value);
                case "NtryDtls/TxDtls/Refs/AcctSvcrRef" -> bankReference = bankReference == null ? blankToNull(value) : bankReference;
                case "NtryDtls/TxDtls/Refs/EndToEndId" -> endToEndId = blankToNull(value);
                case "NtryDtls/TxDtls/RmtInf/Ustrd", "NtryDtls/TxDtls/RmtInf/Strd/CdtrRefInf/Ref" -> {
                    if (!value.isBlank()) {
                        remittance.add(value);
                    }
                }
                case "NtryDtls/TxDtls/RltdPties/Dbtr/Nm", "NtryDtls/TxDtls/RltdPties/Dbtr/Pty/Nm" -> debtorName = blankToNull(value);
                case "NtryDtls/TxDtls/RltdPties/DbtrAcct/Id/IBAN" -> debtorIban = blankToNull(value);
                default -> {
                    // the rest of the entry is not needed to match a payment
                }
            }
        }

        private LocalDate date(String element, String value) {
            try {
                return element.endsWith("DtTm") ? OffsetDateTime.parse(value).toLocalDate() : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidInput(path(element), "'" + value + "' is not an ISO date");
            }
        }

        CamtStatement.Entry build() {
            if (amount == null) {
                throw new InvalidInput(path("Amt"), "is missing");
            }
            if (!"CRDT".equals(creditDebit) && !"DBIT".equals(creditDebit)) {
                throw new InvalidInput(path("CdtDbtInd"), "must be CRDT or DBIT");
            }
            if (status == null) {
                throw new InvalidInput(path("Sts"), "is missing");
            }
            if (valueDate == null && bookingDate == null) {
                throw new InvalidInput(path("ValDt"), "is missing, and so is BookgDt");
            }
            return new CamtStatement.Entry(index, "CRDT".equals(creditDebit), status, amount, currency, bookingDate,
                    valueDate == null ? bookingDate : valueDate, bankReference, endToEndId, List.copyOf(remittance),
                    debtorName, debtorIban);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
