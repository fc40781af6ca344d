<?php
// Installs WordPress (Debian's package, configured by bench/wordpress.sh) and loads the blog's seed
// article with its two responses, read from the blog's own seeder so that both serve the same text:
//
//   php bench/wordpress-setup.php <config name> <site url> <repository root> <comments on the target>
//
// Prints "seed=<path of the seed article>" and "target=<id of the post the comment writers use>".
// The target is a second post with the seed article's text and as many comments as the blog's
// comment benchmark post has (~200), so that the readers' page does not grow while the writers write.

if (PHP_SAPI !== 'cli' || $argc !== 5) {
    fwrite(STDERR, "usage: php wordpress-setup.php <config name> <site url> <repository root> <comments>\n");
    exit(2);
}
[, $config, $url, $root, $targetComments] = $argv;

function fail(string $why): void {
    fwrite(STDERR, "wordpress-setup: $why\n");
    exit(1);
}

// The seed as the blog writes it (blog.core.seed.SeedContent and its article.md).
$java = file_get_contents("$root/blog-core/src/main/java/blog/core/seed/SeedContent.java");
$body = file_get_contents("$root/blog-core/src/main/resources/seed/article.md");
if ($java === false || $body === false) {
    fail("cannot read the blog's seed (SeedContent.java, seed/article.md) under $root");
}
function java_string(string $java, string $name): string {
    // A constant of string literals joined with +, as google-java-format wraps them.
    if (!preg_match('/static final String ' . $name . ' =\s*((?:"(?:[^"\\\\]|\\\\.)*"\s*\+?\s*)+);/', $java, $m)) {
        fail("no constant $name in SeedContent.java");
    }
    preg_match_all('/"((?:[^"\\\\]|\\\\.)*)"/', $m[1], $parts);
    return stripcslashes(implode('', $parts[1]));
}
function java_strings(string $list): array {
    preg_match_all('/"((?:[^"\\\\]|\\\\.)*)"/', $list, $m);
    return array_map('stripcslashes', $m[1]);
}
function gmt(string $instant): string {
    return gmdate('Y-m-d H:i:s', strtotime($instant));
}
$title = java_string($java, 'TITLE');
$slug = java_string($java, 'SLUG');
preg_match('/PUBLISHED = Instant\.parse\("([^"]+)"\)/', $java, $published) || fail('no PUBLISHED in SeedContent.java');
preg_match('/SiteSettings\.TITLE, "([^"]*)",\s*SiteSettings\.TAGLINE, "([^"]*)"/', $java, $site) || fail('no site title in SeedContent.java');
preg_match('/List\.of\(([^)]*)\),\s*List\.of\(([^)]*)\)\)/', $java, $terms) || fail('no categories and tags in SeedContent.java');
preg_match_all('/response\(postId, "([^"]+)", (\w+), Instant\.parse\("([^"]+)"\)\)/', $java, $responses, PREG_SET_ORDER);
count($responses) === 2 || fail('not two responses in SeedContent.java');

$_SERVER['WORDPRESS_CONFIG'] = $config;
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
// No "your new site" mail (there is no mail on the benchmark's machine).
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password) {}
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/taxonomy.php';

$installed = wp_install($site[1], 'editor', 'editor@example.com', true, '', wp_generate_password(24));
if (empty($installed['user_id'])) {
    fail('wp_install did not create the editor');
}
wp_update_user(['ID' => $installed['user_id'], 'display_name' => 'Editor', 'nickname' => 'Editor']);
// The blog's seed is one article: WordPress's sample post and page go.
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $p) {
    wp_delete_post($p->ID, true);
}

update_option('blogdescription', $site[2]);
// Comments as the benchmark sets the blog's: open, published at once, no mails. (Flood and
// duplicate checks are lifted by the must-use plugin wordpress.sh writes.)
update_option('comment_moderation', 0);
update_option('comment_previously_approved', 0);
update_option('comments_notify', 0);
update_option('moderation_notify', 0);
update_option('close_comments_for_old_posts', 0);
update_option('default_comment_status', 'open');
// The blog's permalinks: /2011/09/14/why-quality-…/
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
flush_rewrite_rules(false);

$categories = array_map(fn($name) => wp_create_category($name), java_strings($terms[1]));
$post = [
    'post_title' => $title,
    'post_name' => $slug,
    'post_content' => $body,
    'post_status' => 'publish',
    'post_author' => $installed['user_id'],
    'post_date' => gmt($published[1]),
    'post_date_gmt' => gmt($published[1]),
    'post_category' => $categories,
    'tags_input' => java_strings($terms[2]),
    'comment_status' => 'open',
];
$seed = wp_insert_post($post, true);
is_wp_error($seed) && fail('seed article: ' . $seed->get_error_message());
foreach ($responses as [, $name, $constant, $at]) {
    wp_insert_comment([
        'comment_post_ID' => $seed,
        'comment_author' => $name,
        'comment_content' => java_string($java, $constant),
        'comment_date' => gmt($at),
        'comment_date_gmt' => gmt($at),
        'comment_approved' => 1,
    ]) || fail("response of $name");
}

$target = wp_insert_post(array_merge($post, [
    'post_title' => 'Comments for the benchmark',
    'post_name' => 'comments-for-the-benchmark',
    'post_date' => '2011-09-01 08:30:00',
    'post_date_gmt' => '2011-09-01 08:30:00',
]), true);
is_wp_error($target) && fail('target post: ' . $target->get_error_message());
for ($i = 1; $i <= (int) $targetComments; $i++) {
    wp_insert_comment([
        'comment_post_ID' => $target,
        'comment_author' => "Reader $i",
        'comment_author_email' => "reader$i@example.com",
        'comment_content' => "Comment $i on the post that takes the benchmark's comments.",
        'comment_approved' => 1,
    ]) || fail("comment $i on the target post");
}

echo 'seed=' . wp_make_link_relative(get_permalink($seed)) . "\n";
echo "target=$target\n";
