<?php
/**
 * The stabilisation checklist block. Its steps are built into the widget (or
 * come from a content file); without JavaScript visitors read the short
 * introduction.
 *
 * @package Wegweiser
 * @var array $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$wegweiser_attrs = array( 'mode' => 'counsellor' === $attributes['mode'] ? 'counsellor' : 'person' );
if ( $attributes['simple'] ) {
	$wegweiser_attrs['simple'] = '';
}
// The block's own file, else the site's content from Settings → Wegweiser checklist.
$wegweiser_src = '' !== $attributes['src'] ? esc_url_raw( $attributes['src'] ) : wegweiser_checklist_url();
if ( '' !== $wegweiser_src ) {
	$wegweiser_attrs['src'] = $wegweiser_src;
}
$wegweiser_intro = '' !== $attributes['intro'] ? $attributes['intro'] : __( 'First steps to a stable life: money, housing, health, residence, then new work. We help with every step.', 'wegweiser' );
?>
<ww-stabilisation-checklist <?php echo wegweiser_block_attributes( $wegweiser_attrs ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes. ?>><div class="wegweiser-fallback"><p><?php echo esc_html( $wegweiser_intro ); ?></p></div></ww-stabilisation-checklist>
