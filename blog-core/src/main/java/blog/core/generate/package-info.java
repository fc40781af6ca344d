/**
 * Benchmark data for the generate command: posts, authors, terms and comment threads written in
 * batches.
 */
package blog.core.generate;
