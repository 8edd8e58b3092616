package dev.mcpspring.conformance;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * The image of the resource and prompt fixtures: a 1x1 PNG.
 */
final class ConformanceImages {

	private static final byte[] PIXEL = pixel();

	private ConformanceImages() {
	}

	static byte[] pixelPng() {
		return PIXEL.clone();
	}

	private static byte[] pixel() {
		BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, Color.BLUE.getRGB());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
