<?php
/**
 * The service finder block. Its data: the centres managed in wp-admin (served
 * from this site's REST API), or a directory file at a URL. Without
 * JavaScript, the published centres are listed with city and phone number.
 *
 * @package Wegweiser
 * @var array $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$wegweiser_from_url = 'url' === $attributes['source'] && '' !== $attributes['src'];
$wegweiser_attrs    = array(
	'src'           => $wegweiser_from_url ? esc_url_raw( $attributes['src'] ) : wegweiser_directory_url(),
	'heading-level' => (string) min( 6, max( 2, (int) $attributes['headingLevel'] ) ),
);
// "Write anonymously": the form inside the result (the finder's default), or a link to the centre's contact page.
if ( isset( $attributes['anonymousContact'] ) && 'page' === $attributes['anonymousContact'] ) {
	$wegweiser_attrs['anonymous-contact'] = 'page';
}
$wegweiser_centres  = $wegweiser_from_url ? array() : wegweiser_directory()['centres'];
?>
<ww-service-finder <?php echo wegweiser_block_attributes( $wegweiser_attrs ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes. ?>><div class="wegweiser-fallback">
<?php if ( $wegweiser_centres ) : ?>
<ul>
	<?php foreach ( $wegweiser_centres as $wegweiser_centre ) : ?>
		<?php
		// One line per centre, without whitespace before the commas.
		$wegweiser_line = '<strong>' . esc_html( $wegweiser_centre['name'] ) . '</strong>, ' . esc_html( $wegweiser_centre['address']['city'] );
		if ( isset( $wegweiser_centre['contacts']['phone'] ) ) {
			$wegweiser_tel   = 'tel:' . preg_replace( '/[^0-9+]/', '', $wegweiser_centre['contacts']['phone'] );
			$wegweiser_line .= ', <a href="' . esc_url( $wegweiser_tel, array( 'tel' ) ) . '">' . esc_html( $wegweiser_centre['contacts']['phone'] ) . '</a>';
		}
		?>
<li><?php echo $wegweiser_line; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- every part escaped above. ?></li>
	<?php endforeach; ?>
</ul>
<?php elseif ( $wegweiser_from_url ) : ?>
<p><a href="<?php echo esc_url( $wegweiser_attrs['src'] ); ?>"><?php esc_html_e( 'The list of counselling centres', 'wegweiser' ); ?></a></p>
<?php else : ?>
<p><?php esc_html_e( 'No counselling centres are listed yet.', 'wegweiser' ); ?></p>
<?php endif; ?>
</div>
<?php if ( '' !== $attributes['help'] ) : ?>
<div slot="help"><p><?php echo esc_html( $attributes['help'] ); ?></p></div>
<?php endif; ?>
</ww-service-finder>
