using OrderEats.ServiceDefaults;

namespace OrderEats.Orders.Data;

// The business tables of the Orders database, created with the engine's schema at endpoint start.
internal static class OrdersSchema
{
    public static IReadOnlyList<string> Statements(EndpointDatabase db) =>
    [
        db.CreateTable("restaurants", $"id {db.GuidType} NOT NULL PRIMARY KEY, name {db.TextType} NOT NULL, created_at {db.TimestampType} NOT NULL"),
        db.CreateTable(
            "menu_items",
            $"id {db.GuidType} NOT NULL PRIMARY KEY, restaurant_id {db.GuidType} NOT NULL, name {db.TextType} NOT NULL, price {db.MoneyType} NOT NULL, currency {db.TextType} NOT NULL, sort_order {db.IntType} NOT NULL"),
        db.CreateIndex("ix_menu_items_restaurant", "menu_items", "restaurant_id"),
        db.CreateTable("customers", $"id {db.GuidType} NOT NULL PRIMARY KEY, name {db.TextType} NOT NULL, email {db.TextType} NOT NULL"),
        db.CreateIndex("ux_customers_email", "customers", "email", unique: true),
        db.CreateTable(
            "orders",
            $"id {db.GuidType} NOT NULL PRIMARY KEY, customer_id {db.GuidType} NOT NULL, restaurant_id {db.GuidType} NOT NULL, lines {db.LongTextType} NOT NULL, " +
            $"total {db.MoneyType} NOT NULL, currency {db.TextType} NOT NULL, status {db.TextType} NOT NULL, reason {db.LongTextType} NULL, " +
            $"placed_at {db.TimestampType} NOT NULL, updated_at {db.TimestampType} NOT NULL, request_hash {db.TextType} NOT NULL"),
        db.CreateIndex("ix_orders_customer", "orders", "customer_id"),
        db.CreateTable(
            "order_timeline",
            $"order_id {db.GuidType} NOT NULL, status {db.TextType} NOT NULL, changed_at {db.TimestampType} NOT NULL, reason {db.LongTextType} NULL, PRIMARY KEY (order_id, status)"),
        // Why a request was rejected, per field (an order with status Rejected); a table of its own, so existing databases only gain a table.
        db.CreateTable("order_rejections", $"order_id {db.GuidType} NOT NULL PRIMARY KEY, errors {db.LongTextType} NOT NULL"),
    ];
}
