package dev.cairn.demo;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends visitors of the bare host and of {@code /demo} to the demo site's home page. */
@Controller
class DemoController {

    @GetMapping({"/", "/demo"})
    String home() {
        return "redirect:/demo/";
    }

    @GetMapping("/demo/")
    String index() {
        return "forward:/demo/index.html";
    }
}
