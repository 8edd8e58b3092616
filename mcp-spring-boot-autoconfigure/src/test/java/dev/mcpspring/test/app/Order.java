package dev.mcpspring.test.app;

/**
 * A JavaBean (POJO) argument.
 */
public class Order {

	private String item;

	private int quantity;

	public String getItem() {
		return this.item;
	}

	public void setItem(String item) {
		this.item = item;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

}
