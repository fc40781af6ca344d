/** WordPress export files (WXR): a streaming import that refuses hostile files, and the export. */
package blog.core.wxr;
