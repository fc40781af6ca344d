package blog.core.search;

import blog.core.post.PostPage;

/** One page of search results for a query, and how many posts matched in all. */
public record SearchResults(SearchQuery query, PostPage page, int total) {}
