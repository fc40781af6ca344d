/**
 * Images uploaded from the editor: their type read from the bytes, and storage in the database once
 * per content.
 */
package blog.core.media;
