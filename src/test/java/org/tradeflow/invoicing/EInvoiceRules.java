package org.tradeflow.invoicing;

import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResult;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The official e-invoicing validation artefacts, as the Peppol network and EN 16931 publish them (UBL 2.1 XSD, the
 * CEN EN 16931 Schematron, the Peppol BIS Billing 3.0 Schematron with its national rules), compiled once for all tests:
 * compiling the Schematron takes seconds, validating a document milliseconds.
 */
final class EInvoiceRules {

    /** EN 16931 alone: UBL 2.1 XSD and the CEN Schematron, newest release in phive-rules. */
    static final DVRCoordinate EN16931 = EN16931Validation.VID_UBL_INVOICE_1316;
    /** Peppol BIS Billing 3.0 invoice, release of May 2026: XSD, the CEN Schematron and the Peppol one. */
    static final DVRCoordinate PEPPOL = PeppolValidation2026_05.VID_OPENPEPPOL_INVOICE_UBL_V3;

    static final DVRCoordinate EN16931_CREDIT_NOTE = EN16931Validation.VID_UBL_CREDIT_NOTE_1316;
    static final DVRCoordinate PEPPOL_CREDIT_NOTE = PeppolValidation2026_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3;

    private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = new ValidationExecutorSetRegistry<>();

    static {
        EN16931Validation.initEN16931(REGISTRY);
        PeppolValidation.initStandard(REGISTRY);
    }

    private EInvoiceRules() {
    }

    /** Every error the rules find in the document, each with its rule, location and text; empty when it conforms. */
    static List<String> errors(byte[] xml, DVRCoordinate rules) {
        IValidationExecutorSet<IValidationSourceXML> executors = REGISTRY.getOfID(rules);
        if (executors == null) {
            throw new IllegalStateException(rules.getAsSingleID() + " is not among the registered validation artefacts");
        }
        ValidationResultList results = ValidationExecutionManager.executeValidation(IValidityDeterminator.createDefault(),
                executors, ValidationSourceXML.create("invoice.xml", parse(xml)));
        List<String> errors = new ArrayList<>();
        for (ValidationResult result : results) {
            String artefact = result.getValidationArtefact().getRuleResource().getPath();
            if (result.isSkipped()) {
                errors.add(artefact + " was skipped: an earlier layer failed");
            }
            result.getErrorList().stream().filter(error -> error.getErrorLevel().isError())
                    .forEach(error -> errors.add(artefact + ": [" + error.getErrorID() + "] at " + error.getErrorFieldName()
                            + ": " + error.getErrorText(Locale.ENGLISH)));
        }
        if (results.size() < 2) {
            errors.add(rules.getAsSingleID() + " ran " + results.size() + " artefact(s), not the XSD and its Schematron");
        }
        return errors;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("The UBL is not well-formed XML", e);
        }
    }
}
