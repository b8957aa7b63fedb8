//! Comment templates for the demo data, per stage, mood and language. Invented for Curva; any
//! likeness to a real comment is a coincidence of the genre.

/// Customer comments: `[stage][mood]` with mood 0 = negative, 1 = neutral, 2 = positive;
/// each entry is (Spanish, English).
pub const CUSTOMER: [[(&[&str], &[&str]); 3]; 6] = [
    // discovery
    [
        (
            &[
                "Los anuncios son demasiado insistentes, me agobian",
                "No encontré la tienda en Google hasta la tercera página",
                "Publicidad engañosa, el precio no era el anunciado",
                "Demasiados correos de publicidad, muy pesados",
            ],
            &[
                "The ads are way too pushy",
                "Hard to find you on Google",
                "Misleading ad, the price was not the one shown",
                "Too many promotional emails, annoying",
            ],
        ),
        (
            &[
                "Os conocí por Instagram",
                "Vi un anuncio en el buscador",
                "Me habló de vosotros una amiga",
                "Llegué desde una comparativa de precios",
            ],
            &[
                "Found you on Instagram",
                "Saw an ad on the search engine",
                "A friend told me about you",
                "Came from a price comparison site",
            ],
        ),
        (
            &[
                "Me encantó el contenido de vuestras redes sociales",
                "Encontré justo lo que buscaba en Google, genial",
                "Los anuncios eran claros y útiles",
                "Muy buena primera impresión de la marca",
            ],
            &[
                "Loved your social media content",
                "Found exactly what I needed on Google, great",
                "Clear and useful ads",
                "Great first impression of the brand",
            ],
        ),
    ],
    // consideration
    [
        (
            &[
                "La web es confusa y no encuentro las tallas",
                "El chat no contesta nunca",
                "Fichas de producto incompletas, sin medidas",
                "Las opiniones parecen falsas, no me fío",
            ],
            &[
                "The website is confusing, can't find sizes",
                "The chat never answers",
                "Product pages are incomplete",
                "Reviews look fake, I don't trust them",
            ],
        ),
        (
            &[
                "Comparé varios modelos antes de decidir",
                "Miré las opiniones de otros clientes",
                "Pregunté por el chat por la garantía",
                "Estuve mirando la web un par de días",
            ],
            &[
                "Compared several models before deciding",
                "Read other customers' reviews",
                "Asked about the warranty on the chat",
                "Browsed the website for a couple of days",
            ],
        ),
        (
            &[
                "La web es muy clara y las fotos excelentes",
                "El chat me resolvió la duda en dos minutos, muy amables",
                "Las opiniones de otros clientes me ayudaron mucho",
                "Buena información de cada producto, muy útil",
            ],
            &[
                "Very clear website with excellent photos",
                "The chat answered my question in two minutes, very friendly",
                "Other customers' reviews were really helpful",
                "Good product information, very useful",
            ],
        ),
    ],
    // purchase
    [
        (
            &[
                "El pago con tarjeta falló dos veces",
                "La app se cerró en mitad de la compra",
                "Me cobraron los gastos de envío sin avisar",
                "En la tienda había una cola horrible",
            ],
            &[
                "Card payment failed twice",
                "The app crashed in the middle of checkout",
                "Shipping costs were added without warning",
                "Awful queue in the store",
            ],
        ),
        (
            &[
                "Pagué con tarjeta",
                "Compré desde la app",
                "Hice el pedido por la web",
                "Compré en la tienda de mi barrio",
            ],
            &[
                "Paid by card",
                "Ordered from the app",
                "Placed the order on the website",
                "Bought it in my local store",
            ],
        ),
        (
            &[
                "Comprar fue facilísimo, en dos clics",
                "El pago es rápido y seguro, perfecto",
                "La app funciona de maravilla",
                "En la tienda me atendieron genial, muy profesionales",
                "Proceso de compra rápido y sencillo, de diez",
            ],
            &[
                "Buying was super easy, two clicks",
                "Fast and secure payment, perfect",
                "The app works really well",
                "Great service in the store, very professional",
                "Quick and simple checkout, excellent",
            ],
        ),
    ],
    // delivery
    [
        (
            &[
                "El pedido llegó cuatro días tarde y nadie me avisó",
                "El mensajero no vino y tuve que ir a buscarlo",
                "Paquete dañado, la caja venía rota",
                "Sigo esperando mi pedido, un desastre",
                "El seguimiento no funciona, no sé dónde está mi paquete",
                "Me tuvieron esperando toda la mañana y no apareció nadie",
                "El transportista dejó el paquete en la calle, lamentable",
                "No me cogen el teléfono en la empresa de transporte",
            ],
            &[
                "The order arrived four days late and nobody told me",
                "The courier never came, I had to pick it up myself",
                "Damaged parcel, the box was broken",
                "Still waiting for my order, a disaster",
                "Tracking doesn't work, no idea where my parcel is",
                "Waited all morning and nobody showed up",
                "The courier left the parcel in the street, terrible",
                "Nobody answered at the courier company",
            ],
        ),
        (
            &[
                "El paquete llegó el jueves",
                "Lo recogí en el punto de recogida",
                "Recibí el aviso de entrega por SMS",
                "Entrega en la fecha prevista",
            ],
            &[
                "The parcel arrived on Thursday",
                "Picked it up at the pickup point",
                "Got the delivery notice by text",
                "Delivered on the expected date",
            ],
        ),
        (
            &[
                "Llegó antes de lo previsto, genial",
                "El repartidor fue muy amable",
                "Entrega rápida y el seguimiento muy claro",
                "Todo perfecto con el envío",
            ],
            &[
                "Arrived earlier than expected, great",
                "The courier was very friendly",
                "Fast delivery and clear tracking",
                "Everything perfect with the shipping",
            ],
        ),
    ],
    // support
    [
        (
            &[
                "Llamé tres veces y me colgaron",
                "La devolución tardó más de un mes, inaceptable",
                "Nadie responde a los correos",
                "Me pasaron de un departamento a otro sin solución",
                "Muy mala atención, no volveré",
            ],
            &[
                "Called three times and they hung up",
                "The refund took over a month, unacceptable",
                "Nobody answers the emails",
                "Passed from one department to another with no solution",
                "Very poor service, never again",
            ],
        ),
        (
            &[
                "Pedí una devolución por la web",
                "Llamé para cambiar la talla",
                "Escribí un correo por una factura",
                "Consulté el estado del reembolso",
            ],
            &[
                "Requested a return on the website",
                "Called to change the size",
                "Sent an email about an invoice",
                "Checked the refund status",
            ],
        ),
        (
            &[
                "Me solucionaron el problema en una llamada, muy profesionales",
                "La devolución fue sencilla y rápida",
                "Respondieron el correo el mismo día, gracias",
                "Atención al cliente excelente",
            ],
            &[
                "They solved it in one call, very professional",
                "The return was quick and easy",
                "They answered my email the same day, thanks",
                "Excellent customer service",
            ],
        ),
    ],
    // advocacy
    [
        (
            &[
                "No lo recomiendo después de lo del envío",
                "El programa de puntos es un timo",
                "Demasiados correos, me he dado de baja",
            ],
            &[
                "Would not recommend after the delivery issue",
                "The loyalty programme is a rip off",
                "Too many emails, I unsubscribed",
            ],
        ),
        (
            &[
                "Sigo la tienda en redes",
                "Recibo el boletín cada semana",
                "Tengo la tarjeta de puntos",
            ],
            &[
                "I follow the shop on social media",
                "I get the newsletter every week",
                "I have the loyalty card",
            ],
        ),
        (
            &[
                "Ya se lo he recomendado a toda mi familia",
                "Volveré a comprar seguro, muy contento",
                "El programa de puntos merece la pena",
                "Me encanta la comunidad de clientes",
            ],
            &[
                "Already recommended you to my whole family",
                "Will buy again for sure, very happy",
                "The loyalty programme is worth it",
                "Love the customer community",
            ],
        ),
    ],
];

/// Employee remarks per stage: (negative, positive), in Spanish (the staff are in Spain).
pub const EMPLOYEE: [(&[&str], &[&str]); 6] = [
    (
        &["Gastamos mucho en anuncios que no convierten"],
        &[
            "Las campañas en redes funcionan muy bien",
            "Buena visibilidad en buscadores",
        ],
    ),
    (
        &["El chat va saturado en campaña"],
        &[
            "La web nueva ayuda mucho a los clientes",
            "Las fichas de producto están muy completas",
        ],
    ),
    (
        &["La pasarela de pago da errores a veces"],
        &["El proceso de compra es rápido", "La app funciona bien"],
    ),
    (
        &["Algún retraso puntual del transportista"],
        &[
            "La mayoría de pedidos salen a tiempo",
            "El almacén trabaja muy bien",
            "Los envíos funcionan bien en general",
        ],
    ),
    (
        &[
            "Faltan agentes en el call center",
            "Las devoluciones son lentas por el sistema antiguo",
            "No damos abasto con las llamadas",
        ],
        &["El equipo de soporte es muy profesional"],
    ),
    (
        &["El programa de puntos es complicado de explicar"],
        &["Los clientes repiten mucho", "La comunidad crece cada mes"],
    ),
];

/// Invented personal data that redaction must catch (example.com is reserved for examples).
pub const PII_TAILS: &[&str] = &[
    ". Llamadme al 612 345 678.",
    ". Mi correo es laura.demo@example.com",
    ". Contact me at j.smith@example.com",
    ". Mi DNI es 12345678Z por si lo necesitáis.",
    ". Call me on +34 699 123 456",
];
