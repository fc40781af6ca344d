/** The front page's addresses: the home page, search results and post ids. */
package blog.web.search;
