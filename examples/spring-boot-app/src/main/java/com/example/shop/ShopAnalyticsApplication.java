package com.example.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A shop's own application, which embeds the SDK: the starter does the wiring from application.properties. */
@SpringBootApplication
public class ShopAnalyticsApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopAnalyticsApplication.class, args);
    }
}
