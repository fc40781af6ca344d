/** The admin's privacy screen: exporting or erasing a person's data by email, and its log. */
package blog.web.admin.privacy;
