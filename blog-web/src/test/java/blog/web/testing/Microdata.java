package blog.web.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The microdata items of a page, read by the HTML standard's algorithm (itemscope, itemtype,
 * itemprop, itemref, property values by element), so a test sees what a search engine sees rather
 * than what the template meant.
 */
public final class Microdata {
  /** An item: its type and its properties in tree order; a value is a String or a nested Item. */
  public record Item(String type, Map<String, List<Object>> properties) {
    public List<Object> values(String name) {
      return properties.getOrDefault(name, List.of());
    }

    /** The one text value of {@code name}; fails if there is none or more than one. */
    public String text(String name) {
      List<Object> values = values(name);
      if (values.size() != 1 || !(values.get(0) instanceof String text)) {
        throw new AssertionError("expected one text " + name + " in " + this);
      }
      return text;
    }

    /** The one item value of {@code name}; fails if there is none or more than one. */
    public Item item(String name) {
      List<Item> items = items(name);
      if (items.size() != 1) {
        throw new AssertionError("expected one item " + name + " in " + this);
      }
      return items.get(0);
    }

    public List<Item> items(String name) {
      return values(name).stream().filter(Item.class::isInstance).map(Item.class::cast).toList();
    }
  }

  private final Document document;
  private final Map<Element, Integer> treeOrder = new IdentityHashMap<>();

  private Microdata(Document document) {
    this.document = document;
    for (Element element : document.getAllElements()) {
      treeOrder.put(element, treeOrder.size());
    }
  }

  /** The top-level items of {@code html}, as served from {@code pageUrl} (URLs resolve there). */
  public static List<Item> items(String html, String pageUrl) {
    Microdata page = new Microdata(Jsoup.parse(html, pageUrl));
    List<Item> items = new ArrayList<>();
    for (Element element : page.document.select("[itemscope]:not([itemprop])")) {
      items.add(page.item(element));
    }
    return items;
  }

  private Item item(Element root) {
    Map<String, List<Object>> properties = new LinkedHashMap<>();
    for (Element property : properties(root)) {
      Object value = value(property);
      for (String name : property.attr("itemprop").trim().split("\\s+")) {
        properties.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new Item(root.attr("itemtype"), properties);
  }

  /** The elements whose itemprop belongs to {@code root}: its own and those it refers to. */
  private List<Element> properties(Element root) {
    Deque<Element> pending = new ArrayDeque<>(root.children());
    for (String id : root.attr("itemref").trim().split("\\s+")) {
      Element referred = id.isEmpty() ? null : document.getElementById(id);
      if (referred != null) {
        pending.add(referred);
      }
    }
    Set<Element> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Element> found = new ArrayList<>();
    while (!pending.isEmpty()) {
      Element element = pending.removeFirst();
      if (element == root || !seen.add(element)) {
        continue;
      }
      if (element.hasAttr("itemprop")) {
        found.add(element);
      }
      if (!element.hasAttr("itemscope")) {
        pending.addAll(element.children());
      }
    }
    found.sort(Comparator.comparing(treeOrder::get));
    return found;
  }

  private Object value(Element element) {
    if (element.hasAttr("itemscope")) {
      return item(element);
    }
    return switch (element.normalName()) {
      case "meta" -> element.attr("content");
      case "audio", "embed", "iframe", "img", "source", "track", "video" -> element.absUrl("src");
      case "a", "area", "link" -> element.absUrl("href");
      case "object" -> element.absUrl("data");
      case "data", "meter" -> element.attr("value");
      case "time" -> element.hasAttr("datetime") ? element.attr("datetime") : element.text();
      default -> element.text();
    };
  }
}
