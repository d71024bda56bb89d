<?php
/**
 * The opening hours block: the badge, and inside it the hours as words, which
 * visitors read without JavaScript and which the badge keeps under "Details".
 *
 * @package Wegweiser
 * @var array $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$wegweiser_channels = wegweiser_channels();
$wegweiser_channel  = isset( $wegweiser_channels[ $attributes['channel'] ] ) ? $attributes['channel'] : 'walk-in';
$wegweiser_region   = isset( wegweiser_lands()[ $attributes['region'] ] ) ? $attributes['region'] : 'DE-BE';
$wegweiser_attrs    = array(
	'hours'   => $attributes['hours'],
	'region'  => $wegweiser_region,
	'channel' => $wegweiser_channel,
);
if ( $attributes['showWeek'] ) {
	$wegweiser_attrs['show-week'] = '';
}
?>
<ww-hours-badge <?php echo wegweiser_block_attributes( $wegweiser_attrs ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes. ?>><div class="wegweiser-fallback"><p><strong><?php echo esc_html( $wegweiser_channels[ $wegweiser_channel ] ); ?></strong></p><ul>
<?php foreach ( wegweiser_hours_lines( $attributes['hours'] ) as $wegweiser_line ) : ?>
<li><?php echo esc_html( $wegweiser_line ); ?></li>
<?php endforeach; ?>
</ul>
<?php if ( '' !== $attributes['note'] ) : ?>
<p><?php echo esc_html( $attributes['note'] ); ?></p>
<?php endif; ?>
</div></ww-hours-badge>
