package org.jvirt.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import org.w3c.dom.Element;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A {@code <graphics>} device: sdl, vnc, rdp, desktop, spice, egl-headless, dbus with their attributes and listen, channel, image, streaming, clipboard, mouse, filetransfer, gl, audio children.
 *
 * <p>Attributes are declared in libvirt's output order; unknown attributes and elements are kept
 * verbatim after the known ones. Values are the strings as written (validated by
 * {@link DeviceValidator}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"listenElement", "channel", "image", "jpeg", "zlib", "playback", "streaming", "clipboard", "mouse", "filetransfer", "gl", "audio", "extra"})
public class GraphicsDef implements DeclaredOrder {
    @XmlAttribute(name = "type") private String type;
    @XmlAttribute(name = "display") private String display;
    @XmlAttribute(name = "xauth") private String xauth;
    @XmlAttribute(name = "fullscreen") private String fullscreen;
    @XmlAttribute(name = "socket") private String socket;
    @XmlAttribute(name = "port") private String port;
    @XmlAttribute(name = "tlsPort") private String tlsPort;
    @XmlAttribute(name = "autoport") private String autoport;
    @XmlAttribute(name = "websocket") private String websocket;
    @XmlAttribute(name = "websocketGenerated") private String websocketGenerated;
    @XmlAttribute(name = "listen") private String listen;
    @XmlAttribute(name = "sharePolicy") private String sharePolicy;
    @XmlAttribute(name = "defaultMode") private String defaultMode;
    @XmlAttribute(name = "multiUser") private String multiUser;
    @XmlAttribute(name = "replaceUser") private String replaceUser;
    @XmlAttribute(name = "keymap") private String keymap;
    @XmlAttribute(name = "passwd") private String passwd;
    @XmlAttribute(name = "passwdValidTo") private String passwdValidTo;
    @XmlAttribute(name = "connected") private String connected;
    @XmlAttribute(name = "powerControl") private String powerControl;
    @XmlAttribute(name = "address") private String address;
    @XmlAttribute(name = "p2p") private String p2p;
    @XmlAnyAttribute private Map<QName, String> otherAttributes = new LinkedHashMap<>();
    @XmlElement(name = "listen") private List<GraphicsListenDef> listenElement = new ArrayList<>();
    @XmlElement(name = "channel") private List<Generic> channel = new ArrayList<>();
    @XmlElement(name = "image") private Generic image;
    @XmlElement(name = "jpeg") private Generic jpeg;
    @XmlElement(name = "zlib") private Generic zlib;
    @XmlElement(name = "playback") private Generic playback;
    @XmlElement(name = "streaming") private Generic streaming;
    @XmlElement(name = "clipboard") private Generic clipboard;
    @XmlElement(name = "mouse") private Generic mouse;
    @XmlElement(name = "filetransfer") private Generic filetransfer;
    @XmlElement(name = "gl") private Generic gl;
    @XmlElement(name = "audio") private Generic audio;
    @XmlAnyElement private List<Element> extra = new ArrayList<>();

    /** An empty element, for JAXB and builders. */
    public GraphicsDef() {
    }

    /** The {@code type} attribute as written, or {@code null}. */
    public String type() {
        return type;
    }

    /** Sets (or with {@code null} removes) the {@code type} attribute. */
    public GraphicsDef type(String v) {
        type = v;
        return this;
    }

    /** The {@code display} attribute as written, or {@code null}. */
    public String display() {
        return display;
    }

    /** Sets (or with {@code null} removes) the {@code display} attribute. */
    public GraphicsDef display(String v) {
        display = v;
        return this;
    }

    /** The {@code xauth} attribute as written, or {@code null}. */
    public String xauth() {
        return xauth;
    }

    /** Sets (or with {@code null} removes) the {@code xauth} attribute. */
    public GraphicsDef xauth(String v) {
        xauth = v;
        return this;
    }

    /** The {@code fullscreen} attribute as written, or {@code null}. */
    public String fullscreen() {
        return fullscreen;
    }

    /** Sets (or with {@code null} removes) the {@code fullscreen} attribute. */
    public GraphicsDef fullscreen(String v) {
        fullscreen = v;
        return this;
    }

    /** The {@code socket} attribute as written, or {@code null}. */
    public String socket() {
        return socket;
    }

    /** Sets (or with {@code null} removes) the {@code socket} attribute. */
    public GraphicsDef socket(String v) {
        socket = v;
        return this;
    }

    /** The {@code port} attribute as written, or {@code null}. */
    public String port() {
        return port;
    }

    /** Sets (or with {@code null} removes) the {@code port} attribute. */
    public GraphicsDef port(String v) {
        port = v;
        return this;
    }

    /** The {@code tlsPort} attribute as written, or {@code null}. */
    public String tlsPort() {
        return tlsPort;
    }

    /** Sets (or with {@code null} removes) the {@code tlsPort} attribute. */
    public GraphicsDef tlsPort(String v) {
        tlsPort = v;
        return this;
    }

    /** The {@code autoport} attribute as written, or {@code null}. */
    public String autoport() {
        return autoport;
    }

    /** Sets (or with {@code null} removes) the {@code autoport} attribute. */
    public GraphicsDef autoport(String v) {
        autoport = v;
        return this;
    }

    /** The {@code websocket} attribute as written, or {@code null}. */
    public String websocket() {
        return websocket;
    }

    /** Sets (or with {@code null} removes) the {@code websocket} attribute. */
    public GraphicsDef websocket(String v) {
        websocket = v;
        return this;
    }

    /** The {@code websocketGenerated} attribute as written, or {@code null}. */
    public String websocketGenerated() {
        return websocketGenerated;
    }

    /** Sets (or with {@code null} removes) the {@code websocketGenerated} attribute. */
    public GraphicsDef websocketGenerated(String v) {
        websocketGenerated = v;
        return this;
    }

    /** The {@code listen} attribute as written, or {@code null}. */
    public String listen() {
        return listen;
    }

    /** Sets (or with {@code null} removes) the {@code listen} attribute. */
    public GraphicsDef listen(String v) {
        listen = v;
        return this;
    }

    /** The {@code sharePolicy} attribute as written, or {@code null}. */
    public String sharePolicy() {
        return sharePolicy;
    }

    /** Sets (or with {@code null} removes) the {@code sharePolicy} attribute. */
    public GraphicsDef sharePolicy(String v) {
        sharePolicy = v;
        return this;
    }

    /** The {@code defaultMode} attribute as written, or {@code null}. */
    public String defaultMode() {
        return defaultMode;
    }

    /** Sets (or with {@code null} removes) the {@code defaultMode} attribute. */
    public GraphicsDef defaultMode(String v) {
        defaultMode = v;
        return this;
    }

    /** The {@code multiUser} attribute as written, or {@code null}. */
    public String multiUser() {
        return multiUser;
    }

    /** Sets (or with {@code null} removes) the {@code multiUser} attribute. */
    public GraphicsDef multiUser(String v) {
        multiUser = v;
        return this;
    }

    /** The {@code replaceUser} attribute as written, or {@code null}. */
    public String replaceUser() {
        return replaceUser;
    }

    /** Sets (or with {@code null} removes) the {@code replaceUser} attribute. */
    public GraphicsDef replaceUser(String v) {
        replaceUser = v;
        return this;
    }

    /** The {@code keymap} attribute as written, or {@code null}. */
    public String keymap() {
        return keymap;
    }

    /** Sets (or with {@code null} removes) the {@code keymap} attribute. */
    public GraphicsDef keymap(String v) {
        keymap = v;
        return this;
    }

    /** The {@code passwd} attribute as written, or {@code null}. */
    public String passwd() {
        return passwd;
    }

    /** Sets (or with {@code null} removes) the {@code passwd} attribute. */
    public GraphicsDef passwd(String v) {
        passwd = v;
        return this;
    }

    /** The {@code passwdValidTo} attribute as written, or {@code null}. */
    public String passwdValidTo() {
        return passwdValidTo;
    }

    /** Sets (or with {@code null} removes) the {@code passwdValidTo} attribute. */
    public GraphicsDef passwdValidTo(String v) {
        passwdValidTo = v;
        return this;
    }

    /** The {@code connected} attribute as written, or {@code null}. */
    public String connected() {
        return connected;
    }

    /** Sets (or with {@code null} removes) the {@code connected} attribute. */
    public GraphicsDef connected(String v) {
        connected = v;
        return this;
    }

    /** The {@code powerControl} attribute as written, or {@code null}. */
    public String powerControl() {
        return powerControl;
    }

    /** Sets (or with {@code null} removes) the {@code powerControl} attribute. */
    public GraphicsDef powerControl(String v) {
        powerControl = v;
        return this;
    }

    /** The {@code address} attribute as written, or {@code null}. */
    public String address() {
        return address;
    }

    /** Sets (or with {@code null} removes) the {@code address} attribute. */
    public GraphicsDef address(String v) {
        address = v;
        return this;
    }

    /** The {@code p2p} attribute as written, or {@code null}. */
    public String p2p() {
        return p2p;
    }

    /** Sets (or with {@code null} removes) the {@code p2p} attribute. */
    public GraphicsDef p2p(String v) {
        p2p = v;
        return this;
    }

    /** The {@code <listen>} elements (live list). */
    public List<GraphicsListenDef> listenElement() {
        return listenElement;
    }

    /** The {@code <channel>} elements (live list). */
    public List<Generic> channel() {
        return channel;
    }

    /** The {@code <image>} element, or {@code null}. */
    public Generic image() {
        return image;
    }

    /** Sets (or with {@code null} removes) the {@code <image>} element. */
    public GraphicsDef image(Generic v) {
        image = v;
        return this;
    }

    /** The {@code <jpeg>} element, or {@code null}. */
    public Generic jpeg() {
        return jpeg;
    }

    /** Sets (or with {@code null} removes) the {@code <jpeg>} element. */
    public GraphicsDef jpeg(Generic v) {
        jpeg = v;
        return this;
    }

    /** The {@code <zlib>} element, or {@code null}. */
    public Generic zlib() {
        return zlib;
    }

    /** Sets (or with {@code null} removes) the {@code <zlib>} element. */
    public GraphicsDef zlib(Generic v) {
        zlib = v;
        return this;
    }

    /** The {@code <playback>} element, or {@code null}. */
    public Generic playback() {
        return playback;
    }

    /** Sets (or with {@code null} removes) the {@code <playback>} element. */
    public GraphicsDef playback(Generic v) {
        playback = v;
        return this;
    }

    /** The {@code <streaming>} element, or {@code null}. */
    public Generic streaming() {
        return streaming;
    }

    /** Sets (or with {@code null} removes) the {@code <streaming>} element. */
    public GraphicsDef streaming(Generic v) {
        streaming = v;
        return this;
    }

    /** The {@code <clipboard>} element, or {@code null}. */
    public Generic clipboard() {
        return clipboard;
    }

    /** Sets (or with {@code null} removes) the {@code <clipboard>} element. */
    public GraphicsDef clipboard(Generic v) {
        clipboard = v;
        return this;
    }

    /** The {@code <mouse>} element, or {@code null}. */
    public Generic mouse() {
        return mouse;
    }

    /** Sets (or with {@code null} removes) the {@code <mouse>} element. */
    public GraphicsDef mouse(Generic v) {
        mouse = v;
        return this;
    }

    /** The {@code <filetransfer>} element, or {@code null}. */
    public Generic filetransfer() {
        return filetransfer;
    }

    /** Sets (or with {@code null} removes) the {@code <filetransfer>} element. */
    public GraphicsDef filetransfer(Generic v) {
        filetransfer = v;
        return this;
    }

    /** The {@code <gl>} element, or {@code null}. */
    public Generic gl() {
        return gl;
    }

    /** Sets (or with {@code null} removes) the {@code <gl>} element. */
    public GraphicsDef gl(Generic v) {
        gl = v;
        return this;
    }

    /** The {@code <audio>} element, or {@code null}. */
    public Generic audio() {
        return audio;
    }

    /** Sets (or with {@code null} removes) the {@code <audio>} element. */
    public GraphicsDef audio(Generic v) {
        audio = v;
        return this;
    }

    /** Child elements the model does not know, kept verbatim (live list). */
    public List<Element> extra() {
        return extra;
    }

    /** Attributes the model does not know, kept verbatim (live map). */
    public Map<QName, String> otherAttributes() {
        return otherAttributes;
    }

}
