package blog.web.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The parts of a feed that a reader renders as HTML, as markup to check with {@link ActiveContent}:
 * in RSS every {@code description} (readers take it as HTML whatever it says) and {@code
 * content:encoded}; in Atom the text constructs and content typed {@code html} or {@code xhtml}.
 * Atom's {@code text} (the default) is shown as text, so what it holds cannot be active.
 */
public final class FeedMarkup {
  public static final String CONTENT_MODULE = "http://purl.org/rss/1.0/modules/content/";
  private static final Set<String> ATOM_HTML = Set.of("html", "text/html");
  private static final Set<String> ATOM_XHTML = Set.of("xhtml", "application/xhtml+xml");

  private FeedMarkup() {}

  /** One string of HTML per element a reader renders as HTML. */
  public static List<String> htmlParts(Document feed) {
    List<String> parts = new ArrayList<>();
    NodeList all = feed.getElementsByTagNameNS("*", "*");
    boolean atom = Xml.ATOM.equals(feed.getDocumentElement().getNamespaceURI());
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      String ns = e.getNamespaceURI();
      String local = e.getLocalName();
      if (atom) {
        String type = e.getAttribute("type");
        if (Xml.ATOM.equals(ns) && ATOM_HTML.contains(type)) {
          parts.add(e.getTextContent());
        } else if (Xml.ATOM.equals(ns) && ATOM_XHTML.contains(type)) {
          parts.add(children(e));
        }
      } else if ((ns == null && local.equals("description"))
          || (CONTENT_MODULE.equals(ns) && local.equals("encoded"))) {
        parts.add(e.getTextContent());
      }
    }
    return parts;
  }

  /** Inline XHTML written out as HTML markup, namespace declarations left out. */
  private static String children(Node parent) {
    StringBuilder out = new StringBuilder();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e) {
        out.append('<').append(e.getLocalName());
        NamedNodeMap attributes = e.getAttributes();
        for (int a = 0; a < attributes.getLength(); a++) {
          Attr attr = (Attr) attributes.item(a);
          if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attr.getNamespaceURI())) {
            out.append(' ').append(attr.getName()).append("=\"").append(escape(attr.getValue()));
            out.append('"');
          }
        }
        out.append('>').append(children(e)).append("</").append(e.getLocalName()).append('>');
      } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        out.append(escape(n.getNodeValue()));
      }
    }
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
