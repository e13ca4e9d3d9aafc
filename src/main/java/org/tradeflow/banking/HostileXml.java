package org.tradeflow.banking;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;

/**
 * The one way Tradeflow reads XML that came from outside: no DTD, so no entity of any kind (external entities,
 * billion laughs) can be declared, and no external resource is ever fetched.
 */
final class HostileXml {

    private static final XMLInputFactory FACTORY = hardened();

    private HostileXml() {
    }

    static XMLStreamReader reader(InputStream xml) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(xml);
    }

    private static XMLInputFactory hardened() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // a resolver that resolves nothing: should a DTD slip through, it still reads no file and no URL
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("External resources are not read: " + systemId);
        });
        return factory;
    }
}
