<?php
/**
 * The anonymous contact form block. Relay and public key come from
 * Settings → Wegweiser; until both are set, visitors get only the fallback
 * text (a form that cannot send would waste their message).
 *
 * @package Wegweiser
 * @var array $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$wegweiser_settings = wegweiser_settings();
$wegweiser_fallback = '' !== $attributes['fallback'] ? $attributes['fallback'] : __( 'You can also reach us by phone or come by during our opening hours.', 'wegweiser' );
$wegweiser_ready    = '' !== $wegweiser_settings['relay_url'] && '' !== $wegweiser_settings['public_key'];
?>
<?php if ( $wegweiser_ready ) : ?>
	<?php
	$wegweiser_attrs = array(
		'relay'      => $wegweiser_settings['relay_url'],
		'public-key' => $wegweiser_settings['public_key'],
	);
	if ( '' !== $attributes['answerTime'] ) {
		$wegweiser_attrs['answer-time'] = $attributes['answerTime'];
	}
	if ( '' !== $attributes['repliesHref'] ) {
		$wegweiser_attrs['replies-href'] = esc_url_raw( $attributes['repliesHref'] );
	}
	?>
<ww-contact-form <?php echo wegweiser_block_attributes( $wegweiser_attrs ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes. ?>><div class="wegweiser-fallback"><p><?php echo esc_html( $wegweiser_fallback ); ?></p></div></ww-contact-form>
<?php else : ?>
<div <?php echo get_block_wrapper_attributes( array( 'class' => 'wegweiser-fallback' ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes. ?>><p><?php echo esc_html( $wegweiser_fallback ); ?></p></div>
<?php endif; ?>
