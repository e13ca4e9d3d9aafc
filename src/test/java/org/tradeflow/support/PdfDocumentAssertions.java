package org.tradeflow.support;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every document PDF (invoice, credit note, statement, reminder) must be to be archived: PDF/A-3b with its fonts. */
public final class PdfDocumentAssertions {

    private PdfDocumentAssertions() {
    }

    /** Every font embedded (DejaVu Sans), PDF/A-3b identification in the XMP metadata, and the sRGB output intent. */
    public static void assertEmbeddedFontsAndPdfA3b(PDDocument pdf) throws IOException {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
                fonts.add(font.getName());
            }
        }
        assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font).contains("DejaVuSans"));
        PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
        assertThat(metadata).as("XMP metadata").isNotNull();
        try {
            XMPMetadata xmp = new DomXmpParser().parse(metadata.toByteArray());
            PDFAIdentificationSchema pdfa = xmp.getPDFAIdentificationSchema();
            assertThat(pdfa).as("pdfaid schema").isNotNull();
            assertThat(pdfa.getPart()).isEqualTo(3);
            assertThat(pdfa.getConformance()).isEqualTo("B");
        } catch (org.apache.xmpbox.xml.XmpParsingException e) {
            throw new AssertionError("XMP metadata cannot be read", e);
        }
        assertThat(pdf.getDocumentCatalog().getOutputIntents()).as("the sRGB output intent PDF/A needs")
                .singleElement().satisfies(intent -> assertThat(intent.getDestOutputIntent()).isNotNull());
    }
}
