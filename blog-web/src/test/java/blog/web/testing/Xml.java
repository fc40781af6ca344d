package blog.web.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads XML the blog serves (feeds, sitemaps) with a namespace-aware parser, no DTDs. */
public final class Xml {
  public static final String ATOM = "http://www.w3.org/2005/Atom";

  private Xml() {}

  public static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    }
  }

  /** The element children of {@code parent} named {@code local} in {@code namespace}. */
  public static List<Element> children(Element parent, String namespace, String local) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e
          && local.equals(e.getLocalName())
          && (namespace == null
              ? e.getNamespaceURI() == null
              : namespace.equals(e.getNamespaceURI()))) {
        found.add(e);
      }
    }
    return found;
  }

  /** The one such child, failing when there is none or several. */
  public static Element child(Element parent, String namespace, String local) {
    List<Element> found = children(parent, namespace, local);
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one <" + local + "> in <" + parent.getLocalName() + ">, found " + found.size());
    }
    return found.get(0);
  }

  public static String text(Element parent, String namespace, String local) {
    return child(parent, namespace, local).getTextContent();
  }
}
