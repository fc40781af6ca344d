/**
 * The command line (picocli): {@code Main} runs the blog ({@code serve}, the default) and the
 * commands that work on its database while it is stopped or beside it ({@code create-admin}, {@code
 * reset-password}, {@code import-wxr}, {@code export-wxr}, {@code backup}, {@code restore}, {@code
 * generate}), and prints the settings for {@code --help}.
 */
package blog.web.cli;
