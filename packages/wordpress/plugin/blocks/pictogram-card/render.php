<?php
/**
 * The pictogram card block: each language version as HTML inside the card,
 * which visitors read one after the other without JavaScript (the stylesheet
 * separates them) and which the card turns into a language switcher.
 *
 * @package Wegweiser
 * @var array $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$wegweiser_level = min( 6, max( 2, (int) $attributes['headingLevel'] ) );
$wegweiser_attrs = array(
	'pictogram'     => preg_replace( '/[^a-z0-9-]/', '', (string) $attributes['pictogram'] ),
	'heading-level' => (string) $wegweiser_level,
);
$wegweiser_versions = array_filter(
	is_array( $attributes['versions'] ) ? $attributes['versions'] : array(),
	function ( $version ) {
		return is_array( $version ) && ! empty( $version['lang'] ) && ! empty( $version['heading'] );
	}
);
?>
<ww-pictogram-card <?php echo wegweiser_block_attributes( $wegweiser_attrs ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes. ?>>
<?php foreach ( $wegweiser_versions as $wegweiser_version ) : ?>
<div lang="<?php echo esc_attr( preg_replace( '/[^A-Za-z0-9-]/', '', $wegweiser_version['lang'] ) ); ?>"<?php echo ! empty( $wegweiser_version['easy'] ) ? ' data-variant="einfache-sprache"' : ''; ?>>
<h<?php echo (int) $wegweiser_level; ?>><?php echo esc_html( $wegweiser_version['heading'] ); ?></h<?php echo (int) $wegweiser_level; ?>>
	<?php if ( ! empty( $wegweiser_version['text'] ) ) : ?>
<p><?php echo esc_html( $wegweiser_version['text'] ); ?></p>
	<?php endif; ?>
	<?php if ( ! empty( $wegweiser_version['linkText'] ) && ! empty( $wegweiser_version['linkHref'] ) ) : ?>
<a href="<?php echo esc_url( $wegweiser_version['linkHref'] ); ?>"><?php echo esc_html( $wegweiser_version['linkText'] ); ?></a>
	<?php endif; ?>
</div>
<?php endforeach; ?>
</ww-pictogram-card>
