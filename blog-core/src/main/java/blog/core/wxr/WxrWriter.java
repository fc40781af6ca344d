package blog.core.wxr;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over a StAX writer for WXR: escaping is the writer's, text that cannot be XML is
 * dropped, and CDATA sections are split where the text holds their end marker {@code ]]>}.
 */
final class WxrWriter implements AutoCloseable {
  static final String WP = "http://wordpress.org/export/1.2/";
  static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";
  static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  static final String WFW = "http://wellformedweb.org/CommentAPI/";
  static final String DC = "http://purl.org/dc/elements/1.1/";

  /** Characters XML 1.0 cannot carry at all, not even escaped. */
  private static final Pattern NOT_XML =
      Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

  private final XMLStreamWriter xml;
  private int depth;

  WxrWriter(OutputStream out) {
    try {
      this.xml =
          XMLOutputFactory.newDefaultFactory()
              .createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  void startDocument() throws XMLStreamException {
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeComment(
        " A WordPress eXtended RSS (WXR 1.2) export: import it into WordPress with Tools >"
            + " Import > WordPress, or into another of these blogs with import-wxr. ");
    xml.writeCharacters("\n");
    xml.writeStartElement("rss");
    xml.writeNamespace("excerpt", EXCERPT);
    xml.writeNamespace("content", CONTENT);
    xml.writeNamespace("wfw", WFW);
    xml.writeNamespace("dc", DC);
    xml.writeNamespace("wp", WP);
    xml.writeAttribute("version", "2.0");
    depth = 1;
  }

  void start(String name) throws XMLStreamException {
    indent();
    startElement(name);
    depth++;
  }

  void end() throws XMLStreamException {
    depth--;
    indent();
    xml.writeEndElement();
  }

  /** {@code <name>text</name>}, escaped. */
  void text(String name, String text) throws XMLStreamException {
    indent();
    startElement(name);
    xml.writeCharacters(clean(text));
    xml.writeEndElement();
  }

  /** {@code <name><![CDATA[text]]></name>}, as WordPress writes free text. */
  void cdata(String name, String text) throws XMLStreamException {
    indent();
    startElement(name);
    cdataOnly(text);
    xml.writeEndElement();
  }

  /** A {@code <category domain nicename>} with its name in CDATA. */
  void category(String domain, String nicename, String name) throws XMLStreamException {
    indent();
    xml.writeStartElement("category");
    xml.writeAttribute("domain", domain);
    xml.writeAttribute("nicename", clean(nicename));
    cdataOnly(name);
    xml.writeEndElement();
  }

  void attribute(String name, String value) throws XMLStreamException {
    xml.writeAttribute(name, clean(value));
  }

  /** Starts an element whose attributes follow before its text. */
  void open(String name) throws XMLStreamException {
    indent();
    startElement(name);
  }

  void close(String text) throws XMLStreamException {
    xml.writeCharacters(clean(text));
    xml.writeEndElement();
  }

  void endDocument() throws XMLStreamException {
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.flush();
  }

  @Override
  public void close() throws XMLStreamException {
    xml.close();
  }

  private void cdataOnly(String text) throws XMLStreamException {
    String clean = clean(text);
    int from = 0;
    int end;
    // "]]>" cannot stand inside CDATA: close the section after "]]" and open a new one for ">".
    while ((end = clean.indexOf("]]>", from)) >= 0) {
      xml.writeCData(clean.substring(from, end + 2));
      from = end + 2;
    }
    xml.writeCData(clean.substring(from));
  }

  private void startElement(String name) throws XMLStreamException {
    int colon = name.indexOf(':');
    if (colon < 0) {
      xml.writeStartElement(name);
      return;
    }
    String prefix = name.substring(0, colon);
    String ns =
        switch (prefix) {
          case "wp" -> WP;
          case "excerpt" -> EXCERPT;
          case "content" -> CONTENT;
          case "dc" -> DC;
          default -> throw new IllegalArgumentException(name);
        };
    xml.writeStartElement(prefix, name.substring(colon + 1), ns);
  }

  private void indent() throws XMLStreamException {
    xml.writeCharacters("\n" + "\t".repeat(Math.max(0, depth)));
  }

  private static String clean(String text) {
    return text == null ? "" : NOT_XML.matcher(text).replaceAll("");
  }
}
