package org.tradeflow.banking;

import org.junit.jupiter.api.Test;
import org.tradeflow.business.InvalidInput;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A camt.053 statement as the bank sends it, and the kinds of XML a hostile sender could send instead. */
class CamtParserTest {

    private static final String NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

    @Test
    void readsEveryEntryOfABankStatement() throws IOException {
        CamtStatement statement;
        try (InputStream xml = getClass().getResourceAsStream("/camt/statement-2026-12-02.camt053.xml")) {
            statement = CamtParser.parse(xml);
        }
        assertThat(statement.statementId()).isEqualTo("DE89370400440532013000-2026-236");
        assertThat(statement.accountIban()).isEqualTo("DE89370400440532013000");
        assertThat(statement.entries()).hasSize(5);

        CamtStatement.Entry first = statement.entries().get(0);
        assertThat(first.bookedCredit()).isTrue();
        assertThat(first.amount()).isEqualByComparingTo("1190.00");
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.valueDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(first.reference()).isEqualTo("2026120200001");
        assertThat(first.endToEndId()).isEqualTo("ACME-PAY-7781");
        assertThat(first.debtorName()).isEqualTo("Acme Industrial GmbH");
        assertThat(first.debtorIban()).isEqualTo("DE44500105175407324931");
        assertThat(InvoiceReferences.in(first.remittance())).containsExactly("INV-2026-000001");

        assertThat(InvoiceReferences.in(statement.entries().get(1).remittance())).containsExactly("INV-2026-000002");
        assertThat(InvoiceReferences.in(statement.entries().get(2).remittance())).isEmpty();
        assertThat(statement.entries().get(2).valueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(statement.entries().get(4).bookedCredit()).isFalse();
    }

    @Test
    void readsTheLaterVersionsWithTheirNestedStatusAndDebtor() {
        CamtStatement statement = parse(document("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08", """
                <Ntry><Amt Ccy="EUR">10.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><DtTm>2026-12-02T10:15:00+01:00</DtTm></BookgDt>
                  <NtryDtls><TxDtls><Refs><AcctSvcrRef>TX-9</AcctSvcrRef></Refs>
                    <RltdPties><Dbtr><Pty><Nm>Acme Industrial GmbH</Nm></Pty></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry>"""));
        CamtStatement.Entry entry = statement.entries().get(0);
        assertThat(entry.bookedCredit()).isTrue();
        assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(entry.reference()).isEqualTo("TX-9");
        assertThat(entry.debtorName()).isEqualTo("Acme Industrial GmbH");
        assertThat(entry.amount()).isEqualTo(new BigDecimal("10.50"));
    }

    @Test
    void findsInvoiceNumbersHoweverTheyWereTyped() {
        assertThat(InvoiceReferences.in(List.of("inv 2026 000017, INV-2026-000018", "INV-2026-000017 again")))
                .containsExactly("INV-2026-000017", "INV-2026-000018");
        assertThat(InvoiceReferences.in(List.of("INV-2026-0000171"))).isEmpty(); // seven digits are another number
    }

    @Test
    void refusesADoctype() {
        refused("<?xml version=\"1.0\"?><!DOCTYPE Document [<!ELEMENT Document ANY>]>" + document(NS, ""), "statement");
    }

    @Test
    void refusesExternalEntities() throws IOException {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "top secret");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + document(NS, "<Ntry><Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                + "<ValDt><Dt>2026-12-02</Dt></ValDt><AcctSvcrRef>&xxe;</AcctSvcrRef></Ntry>");
        assertThatThrownBy(() -> CamtParser.parse(stream(xml))).isInstanceOf(InvalidInput.class)
                .hasMessageNotContaining("top secret");
    }

    @Test
    void refusesABillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Document [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        refused(dtd + document(NS, "<Ntry><Amt Ccy=\"EUR\">1</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                + "<ValDt><Dt>2026-12-02</Dt></ValDt><AcctSvcrRef>&lol9;</AcctSvcrRef></Ntry>"), "statement");
    }

    @Test
    void refusesAnotherDocumentType() {
        refused(document("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03", ""), "statement");
        refused(document(NS, "<Ntry xmlns=\"urn:other\"/>"), "Document/BkToCstmrStmt/Stmt/Ntry");
    }

    @Test
    void refusesWhatIsNotXml() {
        refused("{\"amount\": 10}", "statement");
        refused(document(NS, "<Ntry>").replace("</Stmt>", ""), "statement");
    }

    @Test
    void namesTheEntryAndElementThatIsWrong() {
        refused(document(NS, "<Ntry><Amt Ccy=\"EUR\">ten</Amt></Ntry>"), "Document/BkToCstmrStmt/Stmt/Ntry[1]/Amt");
        refused(document(NS, "<Ntry><Amt Ccy=\"EUR\">10</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                + "<ValDt><Dt>2026-12-02</Dt></ValDt></Ntry><Ntry><Amt>10</Amt></Ntry>"),
                "Document/BkToCstmrStmt/Stmt/Ntry[2]/Amt/@Ccy");
        refused(document(NS, "<Ntry><Amt Ccy=\"EUR\">10</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                + "<ValDt><Dt>02.12.2026</Dt></ValDt></Ntry>"), "Document/BkToCstmrStmt/Stmt/Ntry[1]/ValDt/Dt");
    }

    private static void refused(String xml, String field) {
        assertThatThrownBy(() -> CamtParser.parse(stream(xml))).isInstanceOfSatisfying(InvalidInput.class,
                refusal -> assertThat(refusal.errors()).extracting(error -> error.field()).containsExactly(field));
    }

    private static CamtStatement parse(String xml) {
        return CamtParser.parse(stream(xml));
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String document(String namespace, String entries) {
        return "<Document xmlns=\"" + namespace + "\"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>"
                + "<Stmt><Id>S1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>" + entries
                + "</Stmt></BkToCstmrStmt></Document>";
    }
}
