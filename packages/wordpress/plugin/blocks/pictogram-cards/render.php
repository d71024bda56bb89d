<?php
/**
 * A grid of pictogram cards: the card blocks inside, laid out by
 * pictogram-card.css (as many columns as fit, each at least 16rem).
 *
 * @package Wegweiser
 * @var array  $attributes Block attributes.
 * @var string $content    The rendered card blocks.
 */

defined( 'ABSPATH' ) || exit;
?>
<div <?php echo get_block_wrapper_attributes( array( 'class' => 'ww-pictogram-grid' ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by get_block_wrapper_attributes. ?>><?php echo $content; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the card blocks' own output, escaped in their render.php. ?></div>
