<?php
/**
 * The quick exit block: the widget, and inside it a plain link that works without JavaScript.
 *
 * @package Wegweiser
 * @var array $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$wegweiser_settings = wegweiser_settings();
// The block's own destination, else the site's (Settings → Wegweiser).
$wegweiser_href  = '' !== $attributes['href'] ? esc_url_raw( $attributes['href'], array( 'http', 'https' ) ) : $wegweiser_settings['quick_exit_href'];
$wegweiser_label = '' !== $attributes['label'] ? $attributes['label'] : __( 'Leave this page', 'wegweiser' );
$wegweiser_attrs = array(
	'href'      => $wegweiser_href,
	'placement' => 'sticky' === $attributes['placement'] ? 'sticky' : 'inline',
);
if ( '' !== $attributes['label'] ) {
	$wegweiser_attrs['label'] = $attributes['label'];
}
?>
<ww-quick-exit <?php echo wegweiser_block_attributes( $wegweiser_attrs ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes. ?>><a href="<?php echo esc_url( $wegweiser_href ); ?>" rel="noreferrer"><?php echo esc_html( $wegweiser_label ); ?></a></ww-quick-exit>
