package org.tradeflow.invoicing;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a document template (templates/documents/*.xhtml) into an archivable PDF/A-3b: DejaVu Sans embedded (a
 * PDF/A may not lean on the reader's fonts), the sRGB output intent PDF/A asks for, and no resource fetched from
 * anywhere, so text a customer typed cannot make the renderer read a file or call a URL.
 * <p>
 * Other modules' documents (statements of account, dunning's reminders) are rendered the same way, from templates of their own.
 * <p>
 * The templates are read in Thymeleaf's XML mode: the renderer parses XHTML, and XML mode escapes every text it
 * inserts as XML.
 */
@Component
public class PdfDocuments {

    /** The family every template's CSS names, for text and the page margins alike. */
    static final String FONT_FAMILY = "DejaVu Sans";

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final byte[] regular = classpath("fonts/DejaVuSans.ttf");
    private final byte[] bold = classpath("fonts/DejaVuSans-Bold.ttf");
    /** The JDK's own sRGB profile: the colours the templates' CSS means. */
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    PdfDocuments() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/documents/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    /** The named template filled with these variables, as a PDF/A-3b. */
    public byte[] render(String template, Map<String, Object> variables) {
        String xhtml = templates.process(template, new Context(Locale.ENGLISH, variables));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B)
                    .useColorProfile(srgb)
                    .useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                    .useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true)
                    .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .withProducer("Tradeflow")
                    .withHtmlContent(xhtml, null)
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering " + template + " failed", e);
        }
        return pdf.toByteArray();
    }

    private static byte[] classpath(String path) {
        try (InputStream in = PdfDocuments.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
