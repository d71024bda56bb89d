<?php
/**
 * The replies-by-code block: opens a conversation with the code the contact
 * form gave. Needs the relay and public key from Settings → Wegweiser.
 *
 * @package Wegweiser
 * @var array $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$wegweiser_settings = wegweiser_settings();
$wegweiser_fallback = '' !== $attributes['fallback'] ? $attributes['fallback'] : __( 'Reading answers needs JavaScript. You can also ask us by phone.', 'wegweiser' );
$wegweiser_ready    = '' !== $wegweiser_settings['relay_url'] && '' !== $wegweiser_settings['public_key'];
?>
<?php if ( $wegweiser_ready ) : ?>
<ww-contact-replies <?php echo wegweiser_block_attributes( array( 'relay' => $wegweiser_settings['relay_url'], 'public-key' => $wegweiser_settings['public_key'] ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes. ?>><div class="wegweiser-fallback"><p><?php echo esc_html( $wegweiser_fallback ); ?></p></div></ww-contact-replies>
<?php else : ?>
<div <?php echo get_block_wrapper_attributes( array( 'class' => 'wegweiser-fallback' ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes. ?>><p><?php echo esc_html( $wegweiser_fallback ); ?></p></div>
<?php endif; ?>
